/** Credentials shared by the benchmark's fake vendor, bare passthrough and subgraph; they exist only on loopback. */
export const BENCH_CREDENTIALS = Object.freeze({
  ess: Object.freeze({ secretId: 'AKIDbenchmark0000000000000000000000', secretKey: 'bench-ess-secret-key', operatorId: 'bench-operator' }),
  vnpt: Object.freeze({ username: 'bench-user', password: 'bench-password', companyId: '42' }),
  volc: Object.freeze({ accessKeyId: 'AKLTbenchmark', secretAccessKey: 'bench-volc-secret', region: 'cn-north-1' }),
});
