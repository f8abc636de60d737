// The overlay's backend over the one typed protocol (lib/messages.ts). Until the background answers,
// these reject and the model shows the rows as the page reads them.
import { sendMessage } from '../../lib/messages';
import type { OverlayBackend } from '../../lib/overlay/model';
import type { OrderPanelBackend } from '../../lib/order-view/model';

export const messagingBackend: OverlayBackend = {
  rowShipments: (d) => sendMessage('rowShipments', d),
  startJob: (d) => sendMessage('startJob', d),
  getJob: (d) => sendMessage('getJob', d),
  openLabels: (d) => sendMessage('openLabels', d),
  reportTypedInvoices: (d) => sendMessage('reportTypedInvoices', d),
  setIssueMode: (d) => sendMessage('setIssueMode', d),
  receiverGroups: (d) => sendMessage('receiverGroups', d),
};

/** the order page's panel: the lists' messages and the order's parcels */
export const orderPanelBackend: OrderPanelBackend = {
  ...messagingBackend,
  orderParcels: (d) => sendMessage('orderParcels', d),
};
