import { essId } from '../src/sandbox/tencent-ess/seed-flows';
import type { BenchSettings } from './bench-settings';

/** One request both sides answer, and how to tell a right answer. */
export interface Scenario {
  readonly name: string;
  readonly body: string;
  /** Whether a response body is what a successful run answers. */
  readonly ok: (body: string) => boolean;
}

/** ESS flow ids the fake vendor answers for (any well-formed id is a signed flow there). */
export const flowIds = (count: number, label: string): string[] =>
  Array.from({ length: count }, (_, index) => essId('yDbench', `${label}-${index}`));

const graphql = (operationName: string, query: string, variables: Record<string, unknown>): string =>
  JSON.stringify({ operationName, query, variables });
const noErrors = (typename: string) => (body: string) => body.includes(`"__typename":"${typename}"`) && !body.includes('"errors"');

/** The load scenarios: each mutation with an id-only selection, and a 100-flow read. */
export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'createReleaseFlow',
    body: graphql(
      'CreateReleaseFlow',
      'mutation CreateReleaseFlow($input: CreateReleaseFlowInput!) { createReleaseFlow(input: $input) { __typename ... on CreateReleaseFlowSuccess { releaseFlowId releaseFlow { id } originalFlow { id } } } }',
      { input: { flowId: essId('yDbench', 'release'), reason: 'Both parties agree to end the contract.' } },
    ),
    ok: noErrors('CreateReleaseFlowSuccess'),
  },
  {
    name: 'remindFlows',
    body: graphql(
      'RemindFlows',
      'mutation RemindFlows($input: RemindFlowsInput!) { remindFlows(input: $input) { __typename ... on RemindFlowsSuccess { records { flowId canRemind flow { id } } } } }',
      { input: { flowIds: flowIds(3, 'remind') } },
    ),
    ok: noErrors('RemindFlowsSuccess'),
  },
  {
    name: 'cancelDocument',
    body: graphql(
      'CancelDocument',
      'mutation CancelDocument($input: CancelDocumentInput!) { cancelDocument(input: $input) { __typename ... on CancelDocumentSuccess { documentId document { id } } } }',
      { input: { documentId: '8f5e8c9e-3b0a-4c55-9d43-6b7f0e0a1c11', reason: 'Issued by mistake.' } },
    ),
    ok: noErrors('CancelDocumentSuccess'),
  },
  {
    name: 'respondToInvitation',
    body: graphql(
      'RespondToInvitation',
      'mutation RespondToInvitation($input: RespondToInvitationInput!) { respondToInvitation(input: $input) { __typename ... on RespondToInvitationSuccess { invitationId decision accepted invitation { id } } } }',
      {
        input: {
          decision: 'ACCEPT',
          invitationType: 'RELATION',
          relationId: 'bench-relation-1',
          majorAccountId: '2100250145',
          relation: 'FINANCIAL_CUSTODY',
        },
      },
    ),
    ok: noErrors('RespondToInvitationSuccess'),
  },
  {
    name: 'flows (100)',
    body: graphql('Flows', 'query Flows($ids: [ID!]!) { flows(ids: $ids) { id name status } }', { ids: flowIds(100, 'read') }),
    ok: (body) => body.startsWith('{"data":{"flows":[{') && !body.includes('"errors"') && !body.includes('null'),
  },
];

/** What the inline-trace cost is measured on: an entity read a gateway would ask a trace for. */
export const TRACE_SCENARIO: Scenario = {
  name: '_entities (20 flows)',
  body: JSON.stringify({
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Flow { id status approvers { name status } } } }',
    variables: { r: flowIds(20, 'traced').map((id) => ({ __typename: 'Flow', id })) },
  }),
  ok: (body) => body.includes('"_entities":[{') && !body.includes('"errors"'),
};

/** The load scenarios `BENCH_ONLY` names (by name prefix), or all of them. */
export function selectedScenarios(settings: Pick<BenchSettings, 'only'>): readonly Scenario[] {
  const { only } = settings;
  return SCENARIOS.filter((scenario) => only === undefined || only.some((name) => scenario.name.startsWith(name)));
}
