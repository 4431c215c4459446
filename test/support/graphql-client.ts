import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { request } from 'undici';

/** A GraphQL response as it came over HTTP. */
export interface GraphQLResponse<TData> {
  readonly status: number;
  readonly data?: TData | null;
  readonly errors?: readonly {
    readonly message: string;
    readonly path?: readonly (string | number)[];
    readonly extensions?: Readonly<Record<string, unknown>>;
  }[];
}

/** POSTs an operation to `<baseUrl>/graphql` over real HTTP, as a client would. */
export async function postGraphQL<TData, TVariables>(
  baseUrl: string,
  document: TypedDocumentNode<TData, TVariables> | DocumentNode,
  variables?: TVariables,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData>> {
  const response = await request(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.body.json()) as Omit<GraphQLResponse<TData>, 'status'>;
  return { status: response.statusCode, ...body };
}
