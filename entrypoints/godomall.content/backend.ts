// The overlay's backend: the background's typed client (lib/messages.ts). Until the background
// answers, its calls reject and the model shows the rows as the page reads them.
import { background } from '../../lib/messages';
import type { OverlayBackend } from '../../lib/overlay/model';
import type { OrderPanelBackend } from '../../lib/order-view/model';

export const messagingBackend: OverlayBackend = background;

/** the order page's panel: the lists' messages and the order's parcels */
export const orderPanelBackend: OrderPanelBackend = background;
