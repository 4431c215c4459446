import type { VendorCall, VendorTransport, WireRequest } from '../../../datasources/http/vendor-call';
import { TencentEssClient } from '../../../datasources/tencent-ess/client';
import { ReleasedApproverType, RemindType, SignComponentType } from '../../../datasources/tencent-ess/model';

/** Builds each call, keeps what would go on the wire, and answers with a canned ESS `Response`. */
class CannedTransport implements VendorTransport {
  readonly sent: WireRequest[] = [];

  constructor(private readonly answer: Readonly<Record<string, unknown>>) {}

  execute<T>(call: VendorCall<T>): Promise<T> {
    // The executor turns a parse that throws into a rejection, as the HTTP layer does.
    return new Promise((resolve) => {
      const wire = call.build(new Date('2024-01-01T00:00:00Z'));
      this.sent.push(wire);
      resolve(
        call.parse({
          status: 200,
          headers: {},
          body: Buffer.from(JSON.stringify({ Response: { ...this.answer, RequestId: 'req-1' } })),
        }),
      );
    });
  }

  bodyOf(index: number): unknown {
    const wire = this.sent.at(index);
    if (wire?.body === undefined) throw new Error(`no body was sent for call ${index}`);
    return JSON.parse(wire.body);
  }
}

function clientWith(transport: VendorTransport): TencentEssClient {
  return new TencentEssClient({
    transport,
    endpoint: 'https://ess.tencentcloudapi.com',
    credentials: { secretId: 'AKIDtest', secretKey: 'secret' },
  });
}

describe('TencentEssClient wire bodies', () => {
  it('sends RemindTypes with the documented wire strings SMS and EMAIL', async () => {
    const transport = new CannedTransport({ RemindFlowRecords: [{ FlowId: 'f1', CanRemind: true, RemindMessage: '' }] });
    const records = await clientWith(transport).createFlowReminds('op-1', ['f1'], [RemindType.SMS, RemindType.EMAIL]);
    expect(transport.bodyOf(0)).toEqual({ Operator: { UserId: 'op-1' }, FlowIds: ['f1'], RemindTypes: ['SMS', 'EMAIL'] });
    expect(records).toEqual([{ flowId: 'f1', canRemind: true, message: null }]);
  });

  it('leaves RemindTypes out when none are given', async () => {
    const transport = new CannedTransport({ RemindFlowRecords: [] });
    await clientWith(transport).createFlowReminds('op-1', ['f1']);
    expect(transport.bodyOf(0)).toEqual({ Operator: { UserId: 'op-1' }, FlowIds: ['f1'] });
  });

  it('sends ApproverType and ApproverSignComponentType with the documented wire strings', async () => {
    const transport = new CannedTransport({ FlowId: 'release-1' });
    const result = await clientWith(transport).createReleaseFlow(
      'op-1',
      {
        flowId: 'f1',
        reason: '业务调整',
        releasedApprovers: [
          {
            name: '张三',
            mobile: '13800138000',
            approverType: ReleasedApproverType.ENTERPRISESERVER,
            signComponentType: SignComponentType.SIGN_SIGNATURE,
          },
          {
            name: '李四',
            mobile: '13800138001',
            approverType: ReleasedApproverType.ORGANIZATION,
            signComponentType: SignComponentType.SIGN_SEAL,
          },
          { name: '王五', mobile: '13800138002' },
        ],
      },
      { idempotent: false },
    );
    expect(result).toEqual({ releaseFlowId: 'release-1', requestId: 'req-1' });
    expect(transport.bodyOf(0)).toEqual({
      Operator: { UserId: 'op-1' },
      NeedRelievedFlowId: 'f1',
      ReliveInfo: { Reason: '业务调整' },
      ReleasedApprovers: [
        { Name: '张三', Mobile: '13800138000', ApproverType: 'ENTERPRISESERVER', ApproverSignComponentType: 'SIGN_SIGNATURE' },
        { Name: '李四', Mobile: '13800138001', ApproverType: 'ORGANIZATION', ApproverSignComponentType: 'SIGN_SEAL' },
        { Name: '王五', Mobile: '13800138002' },
      ],
    });
  });
});

describe('TencentEssClient calls', () => {
  /** Records what the client hands the HTTP layer: the action, whether it is a write, and the idempotent flag. */
  class RecordingTransport implements VendorTransport {
    readonly calls: { operation: string; kind: string; idempotent: boolean | undefined; action: string | undefined }[] = [];

    execute<T>(call: VendorCall<T>): Promise<T> {
      return new Promise((resolve) => {
        const wire = call.build(new Date('2024-01-01T00:00:00Z'));
        this.calls.push({ operation: call.operation, kind: call.kind, idempotent: call.idempotent, action: wire.headers['x-tc-action'] });
        const answer = { FlowId: 'release-1', FlowDetailInfos: [], RemindFlowRecords: [], RequestId: 'req-1' };
        resolve(call.parse({ status: 200, headers: {}, body: Buffer.from(JSON.stringify({ Response: answer })) }));
      });
    }
  }

  it('marks DescribeFlowInfo a read and both writes as writes, idempotent only when the caller holds a key', async () => {
    const transport = new RecordingTransport();
    const client = clientWith(transport);
    await client.describeFlows('op-1', ['f1']);
    await client.createReleaseFlow('op-1', { flowId: 'f1', reason: 'r' }, { idempotent: true });
    await client.createReleaseFlow('op-1', { flowId: 'f1', reason: 'r' }, { idempotent: false });
    await client.createFlowReminds('op-1', ['f1']);
    expect(transport.calls).toEqual([
      { operation: 'DescribeFlowInfo', kind: 'read', idempotent: false, action: 'DescribeFlowInfo' },
      { operation: 'CreateReleaseFlow', kind: 'write', idempotent: true, action: 'CreateReleaseFlow' },
      { operation: 'CreateReleaseFlow', kind: 'write', idempotent: false, action: 'CreateReleaseFlow' },
      { operation: 'CreateFlowReminds', kind: 'write', idempotent: false, action: 'CreateFlowReminds' },
    ]);
  });
});
