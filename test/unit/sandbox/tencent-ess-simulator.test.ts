import { request } from 'undici';
import { signTc3 } from '../../../datasources/tencent-ess/sign';
import { makeFlows, TencentEssSimulator, type EssFlowDetail } from '../../../src/sandbox/tencent-ess/simulator';

const SECRET_ID = 'AKIDsandboxEssSimulator';
const SECRET_KEY = 'sandbox-secret-key';
/** 2025-01-15T12:00:00Z: a fixed server clock keeps the signature window deterministic. */
const NOW_SECONDS = Date.UTC(2025, 0, 15, 12) / 1000;

interface EssEnvelope {
  readonly Response: Record<string, unknown> & {
    readonly Error?: { readonly Code: string; readonly Message: string };
    readonly RequestId: string;
  };
}

interface CallOptions {
  readonly secretId?: string;
  readonly secretKey?: string;
  readonly timestamp?: number;
  readonly version?: string;
  /** Text sent on the wire; by default the JSON of `body`. */
  readonly sentBody?: string;
  /** Host value signed; by default the Host undici sends (`127.0.0.1:PORT`). */
  readonly signedHost?: string;
  readonly authorization?: string;
  readonly signal?: AbortSignal;
}

async function call(simulator: TencentEssSimulator, action: string, body: unknown, options: CallOptions = {}) {
  const payload = JSON.stringify(body);
  const timestamp = options.timestamp ?? NOW_SECONDS;
  const contentType = 'application/json; charset=utf-8';
  const signed = signTc3({
    secretId: options.secretId ?? SECRET_ID,
    secretKey: options.secretKey ?? SECRET_KEY,
    service: 'ess',
    host: options.signedHost ?? new URL(simulator.url).host,
    contentType,
    payload,
    timestamp,
  });
  const response = await request(`${simulator.url}/`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-tc-action': action,
      'x-tc-version': options.version ?? '2020-11-11',
      'x-tc-timestamp': String(timestamp),
      authorization: options.authorization ?? signed.authorization,
    },
    body: options.sentBody ?? payload,
    signal: options.signal,
  });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, text };
}

async function callJson(simulator: TencentEssSimulator, action: string, body: unknown, options: CallOptions = {}) {
  const { status, text } = await call(simulator, action, body, options);
  return { status, json: JSON.parse(text) as EssEnvelope };
}

const operator = { Operator: { UserId: 'yDxjOUUgydjxxxxxjEWA07rC2xl' } };
const relieveInfo = { Reason: '因为业务调整,结束合作。', RemainInForceItem: '在业务结束前已产生的订单依旧有效。', OtherDeals: '无' };

describe('TencentEssSimulator', () => {
  let simulator: TencentEssSimulator;

  beforeEach(async () => {
    simulator = await TencentEssSimulator.start({ secretId: SECRET_ID, secretKey: SECRET_KEY, now: () => new Date(NOW_SECONDS * 1000) });
  });

  afterEach(async () => {
    await simulator.close();
  });

  describe('gate', () => {
    it('answers a validly signed call with the success envelope and a RequestId', async () => {
      const { status, json } = await callJson(simulator, 'DescribeFlowInfo', { ...operator, FlowIds: [simulator.seeded.signed[0]] });
      expect(status).toBe(200);
      expect(json.Response.Error).toBeUndefined();
      expect(json.Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(json.Response.FlowDetailInfos).toHaveLength(1);
      expect(simulator.accepted('DescribeFlowInfo')).toHaveLength(1);
    });

    it('gives every response its own RequestId when called repeatedly', async () => {
      const ids = new Set<string>();
      for (let index = 0; index < 5; index += 1) {
        const { json } = await callJson(simulator, index % 2 ? 'DescribeFlowInfo' : 'NoSuchAction', { ...operator, FlowIds: ['x'] });
        ids.add(json.Response.RequestId);
      }
      expect(ids.size).toBe(5);
    });

    it('answers AuthFailure.SignatureFailure with HTTP 200 when the secret key is wrong', async () => {
      const { status, json } = await callJson(simulator, 'DescribeFlowInfo', { ...operator, FlowIds: ['x'] }, { secretKey: 'wrong' });
      expect(status).toBe(200);
      expect(json.Response.Error?.Code).toBe('AuthFailure.SignatureFailure');
      expect(simulator.accepted('DescribeFlowInfo')).toHaveLength(0);
      expect(simulator.requests()).toHaveLength(1);
    });

    it('answers AuthFailure.SignatureFailure when the body was changed after signing', async () => {
      const body = { ...operator, FlowIds: [simulator.seeded.signed[0]] };
      const tampered = JSON.stringify({ ...operator, FlowIds: [simulator.seeded.signed[1]] });
      const { json } = await callJson(simulator, 'DescribeFlowInfo', body, { sentBody: tampered });
      expect(json.Response.Error?.Code).toBe('AuthFailure.SignatureFailure');
    });

    it.each([
      ['301 s behind', -301],
      ['301 s ahead', 301],
    ])('answers AuthFailure.SignatureExpire when the timestamp is %s', async (_label, skew) => {
      const { json } = await callJson(simulator, 'DescribeFlowInfo', { ...operator, FlowIds: ['x'] }, { timestamp: NOW_SECONDS + skew });
      expect(json.Response.Error?.Code).toBe('AuthFailure.SignatureExpire');
    });

    it('accepts the call when the timestamp is 300 s off', async () => {
      const { json } = await callJson(simulator, 'DescribeFlowInfo', { ...operator, FlowIds: ['x'] }, { timestamp: NOW_SECONDS - 300 });
      expect(json.Response.Error).toBeUndefined();
    });

    it('answers AuthFailure.SecretIdNotFound when the SecretId is unknown', async () => {
      const { json } = await callJson(simulator, 'DescribeFlowInfo', { ...operator, FlowIds: ['x'] }, { secretId: 'AKIDother' });
      expect(json.Response.Error?.Code).toBe('AuthFailure.SecretIdNotFound');
    });

    it('answers AuthFailure.InvalidAuthorization when the header is malformed', async () => {
      const { json } = await callJson(simulator, 'DescribeFlowInfo', { ...operator, FlowIds: ['x'] }, { authorization: 'Bearer abc' });
      expect(json.Response.Error?.Code).toBe('AuthFailure.InvalidAuthorization');
    });

    it('accepts a signature over the hostname alone when the Host header has a port, as the Node SDK signs', async () => {
      const { json } = await callJson(simulator, 'DescribeFlowInfo', { ...operator, FlowIds: ['x'] }, { signedHost: '127.0.0.1' });
      expect(json.Response.Error).toBeUndefined();
    });

    it('answers NoSuchVersion when X-TC-Version is not 2020-11-11', async () => {
      const { json } = await callJson(simulator, 'DescribeFlowInfo', { ...operator, FlowIds: ['x'] }, { version: '2019-01-01' });
      expect(json.Response.Error?.Code).toBe('NoSuchVersion');
    });

    it('answers InvalidAction when the action is not simulated', async () => {
      const { json } = await callJson(simulator, 'CreateFlow', operator);
      expect(json.Response.Error?.Code).toBe('InvalidAction');
    });

    it('answers InvalidRequest when the signed body is not JSON', async () => {
      const sentBody = 'not json';
      const signed = signTc3({
        secretId: SECRET_ID,
        secretKey: SECRET_KEY,
        service: 'ess',
        host: new URL(simulator.url).host,
        contentType: 'application/json; charset=utf-8',
        payload: sentBody,
        timestamp: NOW_SECONDS,
      });
      const { json } = await callJson(simulator, 'DescribeFlowInfo', null, { sentBody, authorization: signed.authorization });
      expect(json.Response.Error?.Code).toBe('InvalidRequest');
    });

    it('answers MissingParameter naming Operator.UserId when the operator is absent', async () => {
      const { json } = await callJson(simulator, 'DescribeFlowInfo', { FlowIds: ['x'] });
      expect(json.Response.Error?.Code).toBe('MissingParameter');
      expect(json.Response.Error?.Message).toContain('Operator.UserId');
    });

    it('records rejected requests too and forgets them when cleared', async () => {
      await callJson(simulator, 'DescribeFlowInfo', { ...operator, FlowIds: ['x'] }, { secretKey: 'wrong' });
      await callJson(simulator, 'DescribeFlowInfo', { ...operator, FlowIds: ['x'] });
      expect(simulator.requests().map((entry) => entry.headers['x-tc-action'])).toEqual(['DescribeFlowInfo', 'DescribeFlowInfo']);
      expect(simulator.accepted('DescribeFlowInfo')[0]?.body).toEqual({ ...operator, FlowIds: ['x'] });
      simulator.clearRecords();
      expect(simulator.requests()).toHaveLength(0);
      expect(simulator.accepted('DescribeFlowInfo')).toHaveLength(0);
    });
  });

  describe('DescribeFlowInfo', () => {
    it('omits unknown ids and answers in an order other than the request order', async () => {
      const [first, second] = simulator.seeded.signed;
      const { json } = await callJson(simulator, 'DescribeFlowInfo', {
        ...operator,
        FlowIds: [first, 'yDwFmUnknownUnknownUnknownUnknow', second, simulator.seeded.rejected],
      });
      const flows = json.Response.FlowDetailInfos as EssFlowDetail[];
      expect(flows.map((flow) => flow.FlowId)).toEqual([simulator.seeded.rejected, second, first]);
    });

    it('answers the wire fields of VENDORS.md when a seeded flow is read', async () => {
      const { json } = await callJson(simulator, 'DescribeFlowInfo', { ...operator, FlowIds: [simulator.seeded.partlySigned] });
      const flow = (json.Response.FlowDetailInfos as EssFlowDetail[]).at(0);
      expect(flow).toMatchObject({ FlowStatus: 2, FlowApproverInfos: expect.any(Array) as unknown, CcInfos: [] });
      expect(flow?.FlowApproverInfos.map((approver) => approver.ApproveStatus)).toEqual([3, 2, 1]);
      expect(flow?.FlowApproverInfos[0]).toEqual(
        expect.objectContaining({
          ApproveName: expect.any(String) as unknown,
          Mobile: expect.stringMatching(/^1\d{10}$/) as unknown,
          RecipientId: expect.stringMatching(/^yDR/) as unknown,
          SignOrder: 0,
        }),
      );
    });

    it.each([
      ['no ids', [], 'MissingParameter'],
      ['101 ids', Array.from({ length: 101 }, (_unused, index) => `id-${index}`), 'InvalidParameter'],
    ])('refuses the call when given %s', async (_label, ids, code) => {
      const { json } = await callJson(simulator, 'DescribeFlowInfo', { ...operator, FlowIds: ids });
      expect(json.Response.Error?.Code).toBe(code);
    });

    it('answers 100 flows when 100 generated flows are asked for', async () => {
      const flows = makeFlows(150);
      for (const flow of flows) simulator.putFlow(flow);
      const { json } = await callJson(simulator, 'DescribeFlowInfo', {
        ...operator,
        FlowIds: flows.slice(0, 100).map((flow) => flow.FlowId),
      });
      expect(json.Response.FlowDetailInfos).toHaveLength(100);
    });
  });

  describe('CreateReleaseFlow', () => {
    it('starts a release flow with the original signers when the original is fully signed', async () => {
      const originalId = simulator.seeded.signed[0] ?? '';
      const original = simulator.getFlow(originalId);
      const { json } = await callJson(simulator, 'CreateReleaseFlow', {
        ...operator,
        NeedRelievedFlowId: originalId,
        ReliveInfo: relieveInfo,
      });
      expect(json.Response.Error).toBeUndefined();
      const release = simulator.getFlow(String(json.Response.FlowId));
      expect(release).toMatchObject({ FlowStatus: 1, FlowName: `解除协议-${original?.FlowName ?? ''}`, CreatedOn: NOW_SECONDS });
      expect(release?.FlowId).toHaveLength(32);
      expect(release?.FlowApproverInfos.map((approver) => [approver.ApproveName, approver.ApproveStatus])).toEqual(
        original?.FlowApproverInfos.map((approver) => [approver.ApproveName, 2]),
      );
      expect(simulator.getFlow(originalId)?.FlowStatus).toBe(4);
    });

    it('swaps in the released approver when it names an original RecipientId', async () => {
      const original = simulator.getFlow(simulator.seeded.signed[0] ?? '');
      const replaced = original?.FlowApproverInfos[0];
      const { json } = await callJson(simulator, 'CreateReleaseFlow', {
        ...operator,
        NeedRelievedFlowId: original?.FlowId,
        ReliveInfo: relieveInfo,
        ReleasedApprovers: [{ Name: '典子谦', Mobile: '18700000001', RelievedApproverReceiptId: replaced?.RecipientId }],
      });
      const release = simulator.getFlow(String(json.Response.FlowId));
      expect(release?.FlowApproverInfos.map((approver) => approver.ApproveName)).toEqual([
        '典子谦',
        original?.FlowApproverInfos[1]?.ApproveName,
      ]);
    });

    it('answers FailedOperation when the flow is still pending signature', async () => {
      const { json } = await callJson(simulator, 'CreateReleaseFlow', {
        ...operator,
        NeedRelievedFlowId: simulator.seeded.pending[0],
        ReliveInfo: relieveInfo,
      });
      expect(json.Response.Error?.Code).toBe('FailedOperation');
      expect(json.Response.Error?.Message).toContain('not fully signed');
    });

    it('answers FailedOperation when a release for the flow is already in progress', async () => {
      const body = { ...operator, NeedRelievedFlowId: simulator.seeded.signed[1], ReliveInfo: relieveInfo };
      expect((await callJson(simulator, 'CreateReleaseFlow', body)).json.Response.Error).toBeUndefined();
      expect((await callJson(simulator, 'CreateReleaseFlow', body)).json.Response.Error?.Code).toBe('FailedOperation');
    });

    it.each([
      ['the flow is unknown', { NeedRelievedFlowId: 'yDwFmUnknownUnknownUnknownUnknow', ReliveInfo: relieveInfo }, 'ResourceNotFound.Flow'],
      ['the reason is missing', { ReliveInfo: { OtherDeals: '无' } }, 'MissingParameter'],
      [
        'a relieve text is longer than 200 characters',
        { ReliveInfo: { ...relieveInfo, OtherDeals: '无'.repeat(201) } },
        'InvalidParameter',
      ],
      ['the deadline has passed', { ReliveInfo: relieveInfo, Deadline: NOW_SECONDS - 1 }, 'InvalidParameter.FlowDeadLine'],
      [
        'two released approvers share a mobile',
        {
          ReliveInfo: relieveInfo,
          ReleasedApprovers: [
            { Name: '甲', Mobile: '18700000001', RelievedApproverRecipientId: 'first' },
            { Name: '乙', Mobile: '18700000001', RelievedApproverRecipientId: 'second' },
          ],
        },
        'OperationDenied.ApproverRepeat',
      ],
      [
        'there are more released approvers than original signers',
        {
          ReliveInfo: relieveInfo,
          ReleasedApprovers: ['1', '2', '3'].map((n) => ({ Name: n, Mobile: `1870000000${n}`, RelievedApproverRecipientId: n })),
        },
        'InvalidParameter.ParamError',
      ],
      [
        'a released approver has no mobile',
        { ReliveInfo: relieveInfo, ReleasedApprovers: [{ Name: '甲', RelievedApproverRecipientId: 'x' }] },
        'MissingParameter.ApproverMobile',
      ],
      [
        'a released approver names no original signer',
        { ReliveInfo: relieveInfo, ReleasedApprovers: [{ Name: '甲', Mobile: '18700000001', RelievedApproverRecipientId: 'nobody' }] },
        'ResourceNotFound.FlowApprover',
      ],
    ])('answers the vendor code when %s', async (_label, fields, code) => {
      const original = simulator.getFlow(simulator.seeded.signed[0] ?? '');
      const recipients = original?.FlowApproverInfos.map((approver) => approver.RecipientId) ?? [];
      // Point placeholder recipient ids at the real signers so only the rule under test fails.
      const body = JSON.parse(
        JSON.stringify({ ...operator, NeedRelievedFlowId: original?.FlowId, ...fields })
          .replace('"first"', JSON.stringify(recipients[0]))
          .replace('"second"', JSON.stringify(recipients[1])),
      ) as unknown;
      const { json } = await callJson(simulator, 'CreateReleaseFlow', body);
      expect(json.Response.Error?.Code).toBe(code);
    });
  });

  describe('CreateFlowReminds', () => {
    it('refuses a second reminder for the same signers when reminded twice', async () => {
      const flowId = simulator.seeded.pending[0];
      const first = await callJson(simulator, 'CreateFlowReminds', { ...operator, FlowIds: [flowId] });
      expect(first.json.Response.RemindFlowRecords).toEqual([{ CanRemind: true, FlowId: flowId, RemindMessage: '' }]);
      const second = await callJson(simulator, 'CreateFlowReminds', { ...operator, FlowIds: [flowId] });
      expect(second.json.Response.RemindFlowRecords).toEqual([
        { CanRemind: false, FlowId: flowId, RemindMessage: '签署人 王小明: 此签署人已催办过;' },
      ]);
    });

    it('answers CanRemind false with a reason when the flow is not waiting for signatures', async () => {
      const { json } = await callJson(simulator, 'CreateFlowReminds', {
        ...operator,
        FlowIds: [simulator.seeded.signed[0], simulator.seeded.partlySigned],
      });
      const records = json.Response.RemindFlowRecords as { CanRemind: boolean; FlowId: string; RemindMessage: string }[];
      expect(records.map((record) => [record.FlowId, record.CanRemind])).toEqual([
        [simulator.seeded.signed[0], false],
        [simulator.seeded.partlySigned, true],
      ]);
      expect(records[0]?.RemindMessage).not.toBe('');
    });

    it.each([
      ['an id is unknown', ['yDwFmUnknownUnknownUnknownUnknow'], 'ResourceNotFound.Flow'],
      ['no ids are given', [], 'MissingParameter.FlowId'],
      ['101 ids are given', Array.from({ length: 101 }, (_unused, index) => `id-${index}`), 'InvalidParameterValue'],
    ])('answers the vendor code when %s', async (_label, ids, code) => {
      const { json } = await callJson(simulator, 'CreateFlowReminds', { ...operator, FlowIds: ids });
      expect(json.Response.Error?.Code).toBe(code);
    });
  });

  describe('faults', () => {
    const describeBody = (): unknown => ({ ...operator, FlowIds: [simulator.seeded.signed[0]] });

    it('answers the injected error envelope with HTTP 200 when no status is given', async () => {
      simulator.faults.inject('DescribeFlowInfo', { kind: 'error', code: 'RequestLimitExceeded' });
      const { status, json } = await callJson(simulator, 'DescribeFlowInfo', describeBody());
      expect(status).toBe(200);
      expect(json.Response.Error?.Code).toBe('RequestLimitExceeded');
      expect(json.Response.RequestId).toEqual(expect.any(String));
      expect((await callJson(simulator, 'DescribeFlowInfo', describeBody())).json.Response.Error).toBeUndefined();
    });

    it('uses the injected HTTP status when one is given', async () => {
      simulator.faults.inject('*', { kind: 'error', code: 'InternalError', httpStatus: 503 });
      const { status, json } = await callJson(simulator, 'CreateFlowReminds', { ...operator, FlowIds: [simulator.seeded.pending[0]] });
      expect(status).toBe(503);
      expect(json.Response.Error?.Code).toBe('InternalError');
    });

    it('keeps the fault for a signed request when an unsigned one arrives first', async () => {
      simulator.faults.inject('DescribeFlowInfo', { kind: 'error', code: 'InternalError' });
      expect((await callJson(simulator, 'DescribeFlowInfo', describeBody(), { secretKey: 'wrong' })).json.Response.Error?.Code).toBe(
        'AuthFailure.SignatureFailure',
      );
      expect((await callJson(simulator, 'DescribeFlowInfo', describeBody())).json.Response.Error?.Code).toBe('InternalError');
    });

    it('drops the connection when a reset is injected', async () => {
      simulator.faults.inject('DescribeFlowInfo', { kind: 'reset' });
      await expect(call(simulator, 'DescribeFlowInfo', describeBody())).rejects.toThrow();
      expect(simulator.accepted('DescribeFlowInfo')).toHaveLength(1);
    });

    it('writes the raw status and body when a raw answer is injected', async () => {
      simulator.faults.inject('DescribeFlowInfo', { kind: 'raw', status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' });
      const { status, headers, text } = await call(simulator, 'DescribeFlowInfo', describeBody());
      expect([status, headers['content-type'], text]).toEqual([502, 'text/html', '<html>Bad Gateway</html>']);
    });

    it('holds the answer while an undelayed request is served, then answers normally', async () => {
      simulator.faults.inject('DescribeFlowInfo', { kind: 'delay', ms: 1_000 }, 1);
      simulator.clearRecords();
      const order: string[] = [];
      const delayed = callJson(simulator, 'DescribeFlowInfo', describeBody()).then((answer) => {
        order.push('delayed');
        return answer;
      });
      while (simulator.requests().length === 0) await new Promise((resolve) => setImmediate(resolve));
      await callJson(simulator, 'DescribeFlowInfo', describeBody());
      order.push('undelayed');
      const { json } = await delayed;
      // Order, not elapsed time: the request that came second was answered first.
      expect(order).toEqual(['undelayed', 'delayed']);
      expect(json.Response.FlowDetailInfos).toHaveLength(1);
    });

    it('still performs the action when the client gives up during a delay', async () => {
      simulator.faults.inject('CreateReleaseFlow', { kind: 'delay', ms: 150 });
      const body = { ...operator, NeedRelievedFlowId: simulator.seeded.signed[0], ReliveInfo: relieveInfo };
      await expect(call(simulator, 'CreateReleaseFlow', body, { signal: AbortSignal.timeout(30) })).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await callJson(simulator, 'CreateReleaseFlow', body)).json.Response.Error?.Message).toContain('already in progress');
    });

    it('closes promptly when a delayed answer is pending', async () => {
      simulator.faults.inject('DescribeFlowInfo', { kind: 'delay', ms: 60_000 });
      simulator.clearRecords();
      const pending = call(simulator, 'DescribeFlowInfo', describeBody()).catch((error: unknown) => error);
      while (simulator.requests().length === 0) await new Promise((resolve) => setImmediate(resolve));
      // A close that waited for the 60 s delay would outlive the test's timeout; no clock reading needed.
      await simulator.close();
      expect(await pending).toBeInstanceOf(Error);
    });
  });

  describe('seed', () => {
    it('holds flows in the status their role names when seeded', () => {
      const status = (id: string | undefined): number | undefined => simulator.getFlow(id ?? '')?.FlowStatus;
      const { seeded } = simulator;
      expect(seeded.signed.map(status)).toEqual([4, 4]);
      expect(seeded.pending.map(status)).toEqual([1, 1]);
      expect([status(seeded.partlySigned), status(seeded.rejected), status(seeded.released), status(seeded.expired)]).toEqual([
        2, 3, 21, 5,
      ]);
      const all = [...seeded.signed, ...seeded.pending, seeded.partlySigned, seeded.rejected, seeded.released, seeded.expired];
      expect(new Set(all).size).toBe(8);
      for (const id of all) expect(id).toMatch(/^yDwFm[0-9A-Za-z]{27}$/);
    });

    it('gives signed approvers an ApproveTime and waiting ones none', () => {
      for (const id of [...simulator.seeded.signed, ...simulator.seeded.pending]) {
        for (const approver of simulator.getFlow(id)?.FlowApproverInfos ?? []) {
          expect(approver.ApproveTime > 0).toBe(approver.ApproveStatus === 3);
        }
      }
    });

    it('starts empty when seed is false', async () => {
      const empty = await TencentEssSimulator.start({ secretId: SECRET_ID, secretKey: SECRET_KEY, seed: false });
      try {
        expect(empty.seeded.signed).toEqual([]);
        expect(empty.getFlow(simulator.seeded.signed[0] ?? '')).toBeUndefined();
      } finally {
        await empty.close();
      }
    });

    it('keeps its own copy when a stored flow is changed by the caller', () => {
      const flow = makeFlows(1, 'copy').at(0);
      if (!flow) throw new Error('makeFlows(1) returned nothing');
      simulator.putFlow(flow);
      flow.FlowStatus = 3;
      const read = simulator.getFlow(flow.FlowId);
      expect(read?.FlowStatus).toBe(4);
      if (read) read.FlowStatus = 5;
      expect(simulator.getFlow(flow.FlowId)?.FlowStatus).toBe(4);
    });
  });
});

describe('makeFlows', () => {
  it('makes distinct signed flows when asked for many', () => {
    const flows = makeFlows(250);
    expect(new Set(flows.map((flow) => flow.FlowId)).size).toBe(250);
    expect(flows.every((flow) => flow.FlowStatus === 4 && flow.FlowId.length === 32)).toBe(true);
  });

  it('makes different ids when namespaces differ', () => {
    expect(makeFlows(1, 'a')[0]?.FlowId).not.toBe(makeFlows(1, 'b')[0]?.FlowId);
  });

  it('refuses a count when it is not a whole number', () => {
    expect(() => makeFlows(-1)).toThrow(RangeError);
    expect(() => makeFlows(1.5)).toThrow(RangeError);
  });
});
