import { createCipheriv, createHmac } from 'node:crypto';

/**
 * An ESS v2 callback body made from the vendor's description alone (DESIGN.md "Events"), not with the
 * subgraph's own helpers: AES-256-CBC with the CallbackUrlKey as key, its first 16 bytes as IV, PKCS#7
 * padding (Node's default), base64 in `{"encrypt": …}`; `Content-Signature: sha256=<hex HMAC-SHA256(token, raw body)>`.
 */
export function essCallback(
  key: string,
  token: string | undefined,
  plaintext: unknown,
): { readonly body: string; readonly headers: Record<string, string> } {
  const keyBytes = Buffer.from(key, 'utf8');
  const cipher = createCipheriv('aes-256-cbc', keyBytes, keyBytes.subarray(0, 16));
  const encrypted = Buffer.concat([cipher.update(JSON.stringify(plaintext), 'utf8'), cipher.final()]).toString('base64');
  const body = JSON.stringify({ encrypt: encrypted });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers['content-signature'] = `sha256=${createHmac('sha256', token).update(body).digest('hex')}`;
  return { body, headers };
}

/** A `FlowStatusChange` message as ESS documents it. */
export function flowStatusChange(msgId: string, flowId: string, flowCallbackStatus: number, operate: string, updatedOn: number): unknown {
  return {
    MsgId: msgId,
    MsgType: 'FlowStatusChange',
    MsgVersion: 'v2',
    MsgData: {
      FlowId: flowId,
      FlowCallbackStatus: flowCallbackStatus,
      Operate: operate,
      CallbackType: 'ent',
      UpdatedOn: updatedOn,
      RecipientId: 'yDRecipient01',
      UserData: '',
    },
  };
}
