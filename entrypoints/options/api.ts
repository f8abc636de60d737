// The options page's OptionsApi: messages to the background, and the host-permission request
// (which must be made here, in the page, from the operator's click).
import type { OptionsApi } from '../../components/options/model';
import { matchPatternFor } from '../../lib/background/admin-origins';
import { sendMessage } from '../../lib/messages';

export const optionsApi: OptionsApi = {
  getSettings: () => sendMessage('getSettings', undefined),
  saveSettings: (data) => sendMessage('saveSettings', data),
  verifyMember: (memberId) => sendMessage('verifyMember', { memberId }),
  listContracts: (custNo) => sendMessage('listContracts', { custNo }),
  listOffices: (custNo) => sendMessage('listOffices', { custNo }),
  registerOffice: (input) => sendMessage('registerOffice', input),
  requestOriginPermission: (origin) => browser.permissions.request({ origins: [matchPatternFor(origin)] }),
  registerAdminOrigin: (origin) => sendMessage('registerAdminOrigin', { origin }),
  adminCouriers: () => sendMessage('adminCouriers', undefined),
};
