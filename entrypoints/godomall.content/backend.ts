// The overlay's backend over the one typed protocol (lib/messages.ts). Until the background answers,
// these reject and the model shows the rows as the page reads them.
import { sendMessage } from '../../lib/messages';
import type { OverlayBackend } from '../../lib/overlay/model';

export const messagingBackend: OverlayBackend = {
  rowShipments: (d) => sendMessage('rowShipments', d),
  startJob: (d) => sendMessage('startJob', d),
  getJob: (d) => sendMessage('getJob', d),
  runningJob: (d) => sendMessage('runningJob', d),
  openLabels: (d) => sendMessage('openLabels', d),
  reportTypedInvoices: (d) => sendMessage('reportTypedInvoices', d),
  setIssueMode: (d) => sendMessage('setIssueMode', d),
  receiverGroups: (d) => sendMessage('receiverGroups', d),
};
