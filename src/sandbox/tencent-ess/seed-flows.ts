import { createHash } from 'node:crypto';
import { ESS_APPROVER_STATUS, ESS_FLOW_STATUS, type EssApproverInfo, type EssFlowDetail } from './wire-types';

/**
 * Deterministic sample data for the ESS simulator: the same ids on every start, so a newcomer can paste
 * the ids printed in the start-up banner into Apollo Sandbox and tests can name them.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ESS_ID_LENGTH = 32;

/**
 * An id shaped like the vendor's (`yDwFm…`, 32 characters, base62), derived from `label` so it is stable.
 * Different labels give different ids (SHA-256 over the label).
 */
export function essId(prefix: string, label: string): string {
  const digest = createHash('sha256').update(`${prefix}:${label}`).digest();
  let id = prefix;
  for (let index = 0; id.length < ESS_ID_LENGTH; index += 1) {
    id += BASE62[(digest[index % digest.length] ?? 0) % BASE62.length] ?? '0';
  }
  return id;
}

/** Ids of the seeded flows by role. */
export interface SeededFlowIds {
  readonly signed: readonly string[];
  readonly pending: readonly string[];
  readonly partlySigned: string;
  readonly rejected: string;
  readonly released: string;
  readonly expired: string;
}

interface SignerSeed {
  readonly name: string;
  readonly mobile: string;
  readonly organization: string;
  readonly type?: 'ORGANIZATION' | 'PERSON';
  readonly role?: string;
}

const ACME: Pick<SignerSeed, 'organization'> = { organization: '深圳市示例科技有限公司' };
const HUAXIN: Pick<SignerSeed, 'organization'> = { organization: '上海华信贸易有限公司' };
const BEIFANG: Pick<SignerSeed, 'organization'> = { organization: '北京北方物流有限公司' };

/** 2024-05-06T02:00:00Z: seed times are fixed so the data reads the same on every start. */
const SEED_EPOCH = 1_714_960_800;
const DAY = 86_400;

function approver(flowId: string, order: number, seed: SignerSeed, status: number, approveTime: number, message = ''): EssApproverInfo {
  const personal = seed.type === 'PERSON';
  return {
    ApproveName: seed.name,
    ApproveStatus: status,
    ApproveMessage: message,
    ApproveTime: approveTime,
    ApproveType: seed.type ?? 'ORGANIZATION',
    Mobile: seed.mobile,
    SignOrder: order,
    OrganizationId: personal ? '' : essId('yDxy', seed.organization),
    OrganizationName: personal ? '' : seed.organization,
    RecipientId: essId('yDR', `${flowId}/${order}`),
    SignId: essId('yDS', `${flowId}/${order}`),
    ApproverRoleName: seed.role ?? (personal ? '个人' : '经办人'),
  };
}

interface FlowSeed {
  readonly key: string;
  readonly name: string;
  readonly status: number;
  readonly createdDay: number;
  readonly description?: string;
  readonly message?: string;
  /** Each signer with the status it has in this flow and, when it acted, the day it did. */
  readonly signers: readonly (readonly [SignerSeed, number, number?, string?])[];
}

function flowFromSeed(seed: FlowSeed): EssFlowDetail {
  const flowId = essId('yDwFm', seed.key);
  const createdOn = SEED_EPOCH + seed.createdDay * DAY;
  return {
    FlowId: flowId,
    FlowName: seed.name,
    FlowStatus: seed.status,
    FlowMessage: seed.message ?? '',
    FlowDescription: seed.description ?? '',
    CreatedOn: createdOn,
    FlowApproverInfos: seed.signers.map(([signer, status, actedDay, message], index) =>
      approver(flowId, index, signer, status, actedDay === undefined ? 0 : createdOn + actedDay * DAY, message),
    ),
    CcInfos: [],
    Creator: essId('yDxj', 'sandbox-operator'),
    UserFlowType: '',
    TemplateId: essId('yDwT', seed.name),
  };
}

const { SIGNED, PENDING_SIGNATURE, REJECTED, EXPIRED, RELEASED, IN_PROCESS } = ESS_APPROVER_STATUS;

const SEEDS = {
  signedA: {
    key: 'seed-signed-a',
    name: '采购框架合同-2024-001',
    status: ESS_FLOW_STATUS.SIGNED,
    createdDay: 0,
    description: '年度办公设备采购框架合同',
    signers: [
      [{ ...ACME, name: '王小明', mobile: '13800138001', role: '采购负责人' }, SIGNED, 1],
      [{ ...HUAXIN, name: '李华', mobile: '13900139002', role: '销售经理' }, SIGNED, 2],
    ],
  },
  signedB: {
    key: 'seed-signed-b',
    name: '技术服务协议-2024-017',
    status: ESS_FLOW_STATUS.SIGNED,
    createdDay: 3,
    signers: [
      [{ ...ACME, name: '陈静', mobile: '13700137003' }, SIGNED, 0],
      [{ ...BEIFANG, name: '刘洋', mobile: '13600136004' }, SIGNED, 1],
      [{ ...BEIFANG, name: '赵敏', mobile: '15800158005', type: 'PERSON' }, SIGNED, 1],
    ],
  },
  pendingA: {
    key: 'seed-pending-a',
    name: '保密协议-2024-042',
    status: ESS_FLOW_STATUS.PENDING_SIGNATURE,
    createdDay: 10,
    signers: [[{ ...ACME, name: '王小明', mobile: '13800138001' }, PENDING_SIGNATURE]],
  },
  pendingB: {
    key: 'seed-pending-b',
    name: '仓储服务合同-2024-058',
    status: ESS_FLOW_STATUS.PENDING_SIGNATURE,
    createdDay: 12,
    signers: [
      [{ ...HUAXIN, name: '孙悦', mobile: '18600186006' }, PENDING_SIGNATURE],
      [{ ...BEIFANG, name: '周杰', mobile: '18700187007' }, PENDING_SIGNATURE],
    ],
  },
  partlySigned: {
    key: 'seed-partly-signed',
    name: '物流运输合同-2024-063',
    status: ESS_FLOW_STATUS.PARTLY_SIGNED,
    createdDay: 14,
    signers: [
      [{ ...BEIFANG, name: '刘洋', mobile: '13600136004' }, SIGNED, 1],
      [{ ...ACME, name: '陈静', mobile: '13700137003' }, PENDING_SIGNATURE],
      [{ ...HUAXIN, name: '吴磊', mobile: '18800188008' }, IN_PROCESS],
    ],
  },
  rejected: {
    key: 'seed-rejected',
    name: '设备租赁合同-2024-071',
    status: ESS_FLOW_STATUS.REJECTED,
    createdDay: 16,
    message: '条款有异议',
    signers: [
      [{ ...ACME, name: '王小明', mobile: '13800138001' }, SIGNED, 0],
      [{ ...HUAXIN, name: '李华', mobile: '13900139002' }, REJECTED, 2, '付款条款有异议'],
    ],
  },
  released: {
    key: 'seed-released',
    name: '广告投放合同-2023-115',
    status: ESS_FLOW_STATUS.RELEASED,
    createdDay: -120,
    signers: [
      [{ ...ACME, name: '陈静', mobile: '13700137003' }, RELEASED, 1],
      [{ ...BEIFANG, name: '郑爽', mobile: '15900159009' }, RELEASED, 2],
    ],
  },
  expired: {
    key: 'seed-expired',
    name: '咨询服务合同-2024-009',
    status: ESS_FLOW_STATUS.EXPIRED,
    createdDay: -40,
    signers: [
      [{ ...ACME, name: '王小明', mobile: '13800138001' }, SIGNED, 1],
      [{ ...HUAXIN, name: '孙悦', mobile: '18600186006' }, EXPIRED],
    ],
  },
} satisfies Record<string, FlowSeed>;

/** The seeded flows (fresh copies on every call) and their ids by role. */
export function seedFlows(): { readonly flows: EssFlowDetail[]; readonly ids: SeededFlowIds } {
  const flows = Object.values(SEEDS).map(flowFromSeed);
  const id = (seed: FlowSeed): string => essId('yDwFm', seed.key);
  return {
    flows,
    ids: {
      signed: [id(SEEDS.signedA), id(SEEDS.signedB)],
      pending: [id(SEEDS.pendingA), id(SEEDS.pendingB)],
      partlySigned: id(SEEDS.partlySigned),
      rejected: id(SEEDS.rejected),
      released: id(SEEDS.released),
      expired: id(SEEDS.expired),
    },
  };
}

/**
 * `count` distinct fully signed flows (two organization signers each) for batch tests, e.g. more than
 * 100 ids to prove DescribeFlowInfo is chunked. Ids depend only on `namespace` and the index, so two calls
 * with different namespaces never collide and the same call always yields the same ids.
 * @throws RangeError when `count` is not a non-negative integer.
 */
export function makeFlows(count: number, namespace = 'batch'): EssFlowDetail[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`makeFlows count must be a non-negative integer, got ${String(count)}`);
  return Array.from({ length: count }, (_unused, index) =>
    flowFromSeed({
      key: `${namespace}-${index}`,
      name: `批量测试合同-${namespace}-${String(index + 1).padStart(4, '0')}`,
      status: ESS_FLOW_STATUS.SIGNED,
      createdDay: index % 30,
      signers: [
        [{ ...ACME, name: '王小明', mobile: '13800138001' }, SIGNED, 0],
        [{ ...HUAXIN, name: '李华', mobile: `139${String(index).padStart(8, '0').slice(-8)}` }, SIGNED, 1],
      ],
    }),
  );
}
