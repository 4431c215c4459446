/** The OAuth-style scopes this subgraph checks (DESIGN.md "Security contract"), one read and one write per domain. */
export enum Scope {
  FLOWS_READ = 'flows:read',
  FLOWS_WRITE = 'flows:write',
  DOCUMENTS_READ = 'documents:read',
  DOCUMENTS_WRITE = 'documents:write',
  INVITATIONS_READ = 'invitations:read',
  INVITATIONS_WRITE = 'invitations:write',
}

export const ALL_SCOPES: ReadonlySet<Scope> = new Set(Object.values(Scope));

/** The federation directive a router enforces for the same rule as `requireScope(ctx, scope)`. */
export function requiresScopesDirective(scope: Scope): string {
  return `@requiresScopes(scopes: [["${scope}"]])`;
}
