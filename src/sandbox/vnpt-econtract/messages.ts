/**
 * The wording the simulator answers with. The datasource classifies VNPT business refusals by message
 * (VNPT gives them no specific code), so these must keep matching `VNPT_MESSAGE_RULES`; a test checks it.
 */
export const VNPT_SIMULATOR_MESSAGES = Object.freeze({
  loginSucceeded: 'Authenticate and choose company success',
  credentialsRejected: 'Username or password is incorrect',
  unauthorized: 'Unauthorized',
  documentNotFound: 'Document not found',
  notCreator: 'You are not the creator of this document; only the creator can cancel it',
  alreadyCanceled: 'The document has already been canceled',
  notCancelable: (statusDescription: string): string => `The document cannot be canceled in status ${statusDescription}`,
  cancelSucceeded: 'Cancel document success',
  idRequired: 'Id is required',
  reasonRequired: 'Reason is required',
  invalidBody: 'The request body is not valid JSON',
  routeNotFound: 'Resource not found',
  methodNotAllowed: 'Method not allowed',
});
