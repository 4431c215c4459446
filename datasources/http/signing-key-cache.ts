/**
 * The latest signing key one credential derived. TC3 and Volcengine's HMAC-SHA256 both derive a key from the
 * secret by a chain of HMACs over the credential scope (UTC date, region, service): 3-4 HMACs, most of a
 * signature's cost, that give the same key for every request of one scope and day (the AWS SDKs keep such
 * keys for the same reason). One instance per signer of one secret: a secret it was not made with, or a
 * new scope (the next day), derives afresh and replaces the entry; there is only ever one.
 */
export class SigningKeyCache {
  private latest: { readonly secret: string; readonly scope: string; readonly key: Buffer } | undefined;

  /** The key of `secret` for `scope`, derived by `derive` unless the latest call asked for the same. */
  keyFor(secret: string, scope: string, derive: () => Buffer): Buffer {
    const latest = this.latest;
    if (latest?.secret === secret && latest.scope === scope) return latest.key;
    const key = derive();
    this.latest = { secret, scope, key };
    return key;
  }
}
