// The options page's OptionsApi: the background's typed client, and the host-permission request
// (which must be made here, in the page, from the operator's click).
import type { OptionsApi } from '../../components/options/model';
import { matchPatternFor } from '../../lib/background/admin-origins';
import { background } from '../../lib/messages';

export const optionsApi: OptionsApi = {
  getSettings: () => background.getSettings(),
  saveSettings: (data) => background.saveSettings(data),
  verifyMember: (data) => background.verifyMember(data),
  listContracts: (data) => background.listContracts(data),
  listOffices: (data) => background.listOffices(data),
  registerOffice: (data) => background.registerOffice(data),
  registerAdminOrigin: (data) => background.registerAdminOrigin(data),
  adminCouriers: () => background.adminCouriers(),
  requestOriginPermission: (origin) => browser.permissions.request({ origins: [matchPatternFor(origin)] }),
};
