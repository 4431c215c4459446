import { request } from 'undici';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * DESIGN.md "Security contract": `/metrics` has bounded cardinality, no label takes a client-chosen value.
 * `graphql_requests_total` is labelled by the schema's root fields, never by the client's operation name.
 */
describe('graphql_requests_total', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function post(body: unknown): Promise<number> {
    const response = await request(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await response.body.dump();
    return response.statusCode;
  }

  async function metricLines(): Promise<string[]> {
    const response = await request(`${t.url}/metrics`);
    const text = await response.body.text();
    return text.split('\n').filter((line) => line.startsWith('graphql_requests_total{'));
  }

  /** Runs `count` tasks, `concurrency` at a time. */
  async function inBatches(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
    for (let start = 0; start < count; start += concurrency) {
      await Promise.all(Array.from({ length: Math.min(concurrency, count - start) }, (_, offset) => task(start + offset)));
    }
  }

  it('keeps its series count flat across 3,000 distinct client operation names (and aliases)', async () => {
    // One request of each shape first, so the series that the flood may use exist before it.
    expect(await post({ query: 'query Warmup { __typename }' })).toBe(200);
    expect(await post({ query: 'query WarmupBroken { nope }' })).toBe(400);
    const before = await metricLines();

    await inBatches(3_000, 25, async (index) => {
      const name = `ClientChosen_${index}_${(index * 7919).toString(36)}`;
      const status =
        index % 10 === 0
          ? await post({ query: `query ${name} { nope_${index} }`, operationName: name })
          : await post({ query: `query ${name} { alias_${index}: __typename }`, operationName: name });
      expect(status).toBe(index % 10 === 0 ? 400 : 200);
    });
    const after = await metricLines();

    expect(after).toHaveLength(before.length);
    expect(after.join('\n')).not.toMatch(/ClientChosen|alias_|nope_/);
    expect(after).toContain('graphql_requests_total{field="__typename",outcome="ok"} 2701');
    expect(after).toContain('graphql_requests_total{field="other",outcome="errors"} 301');
  });

  it('counts a request once for each distinct root field it selects, through fragments', async () => {
    const flowId = t.ess.seeded.signed[0] ?? '';
    const query = `
      query Mixed { ...Roots first: flow(id: "${flowId}") { id } second: flow(id: "${flowId}") { id } }
      fragment Roots on Query { _service { sdl } }`;
    const labelled = (lines: readonly string[], field: string): number =>
      Number(lines.find((line) => line.startsWith(`graphql_requests_total{field="${field}",outcome="ok"}`))?.split(' ')[1] ?? 0);
    const before = await metricLines();

    expect(await post({ query })).toBe(200);

    const after = await metricLines();
    expect(labelled(after, 'flow') - labelled(before, 'flow')).toBe(1);
    expect(labelled(after, '_service') - labelled(before, '_service')).toBe(1);
    expect(after.join('\n')).not.toContain('Mixed');
  });
});
