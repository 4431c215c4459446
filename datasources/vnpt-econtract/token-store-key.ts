import { sha256Hex } from '../http/hashing';

/**
 * The `KeyValueStore` key under which replicas share the VNPT token of one account at one endpoint.
 * The account is hashed so that a username (personal data) never shows up in Redis key listings; a
 * trailing slash on the endpoint does not matter, so differently written configurations still share.
 */
export function vnptTokenStoreKey(endpoint: string, username: string, companyId: string): string {
  const base = endpoint.trim().replace(/\/+$/, '');
  const account = sha256Hex(`${base}\n${username}\n${companyId}`).slice(0, 32);
  return `vnpt-econtract:token:${account}`;
}
