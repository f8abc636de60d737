// The service worker: the only holder of credentials and the only caller of Korea Post. Every listener
// is registered synchronously here, one concern per setup function (lib/background/setup.ts).
import { createAdminFactory } from '../../lib/background/admin-client';
import {
  createBackground,
  setupAdminOrigins,
  setupBadge,
  setupBuildStamp,
  setupJobs,
  setupMessages,
  setupNotifications,
  setupSettle,
  setupSync,
} from '../../lib/background/setup';

export default defineBackground(() => {
  setupBuildStamp();
  const bg = createBackground(createAdminFactory());
  setupMessages(bg);
  setupSync(bg);
  setupSettle(bg);
  setupNotifications();
  setupAdminOrigins(bg);
  setupJobs(bg);
  setupBadge(bg);
});
