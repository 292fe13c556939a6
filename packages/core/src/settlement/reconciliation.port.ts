/**
 * The provider-bill port: the payment provider's daily trade bill (交易账单), downloaded and parsed. The built-in
 * simulator builds it from the payments and refunds it actually processed; a WeChat Pay adapter calls
 * `GET /v3/bill/tradebill?bill_date=…&bill_type=ALL`, downloads the file at the `download_url` it answers, checks
 * its SHA1 hash, and parses the CSV (every field prefixed by a backtick, amounts in yuan) into these rows.
 */
import type { ProviderBillRow } from './reconciliation.types.ts';

export interface ProviderBillSource {
  /** the provider's name (as on payment records) */
  readonly name: string;
  /** the bill of one day, `YYYY-MM-DD` in China time (the provider's day) */
  downloadBill(day: string): Promise<ProviderBillRow[]>;
}
