// Which of the godomall sandbox's seeded orders an e2e flow can issue, in one place for every e2e file.
import { PROVIDER_SUPPLIER, type SeedOrder } from '../sandbox/godomall/model';

/**
 * Every item 결제완료 (p1) with no number yet, all of the shop's own goods (`shop`) or all of the
 * supplier's (`supplier`), a well-formed mobile and 5-digit zip, and no claim being handled.
 */
export function issuable(o: SeedOrder, from: 'shop' | 'supplier'): boolean {
  return (
    o.items.every((i) => i.status === 'p1' && !i.invoiceNo && (i.supplier === PROVIDER_SUPPLIER) === (from === 'supplier')) &&
    /^010-\d{4}-\d{4}$/.test(o.receiverCellPhone) &&
    /^\d{5}$/.test(o.receiverZonecode) &&
    !o.claimInProgress
  );
}
