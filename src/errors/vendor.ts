/** The vendors behind this subgraph; printed into the SDL as the `Vendor` enum. */
export enum Vendor {
  TENCENT_ESS = 'TENCENT_ESS',
  VNPT_ECONTRACT = 'VNPT_ECONTRACT',
  VOLCENGINE_BILLING = 'VOLCENGINE_BILLING',
}
