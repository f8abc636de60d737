// KST formatting for the simulator, on top of lib/epost/kst.ts (the product's own helpers), in the
// shapes the simulator's answers need. Korea Post stamps everything in KST.
import { kstDisplay, kstYmd as libKstYmd, kstYmdHms } from '../../../lib/epost/kst.ts';

/** YYYYMMDD */
export const kstYmd = (ms: number): string => libKstYmd(new Date(ms));

/** YYYYMMDDhhmmss */
export const kstStamp = (ms: number): string => kstYmdHms(new Date(ms));

/** yyyy.mm.dd, the tracking surfaces' date shape */
export const kstDotDate = (ms: number): string => kstDisplay(ms).slice(0, 10).replaceAll('-', '.');

/** hh:mm */
export const kstHhmm = (ms: number): string => kstDisplay(ms).slice(11, 16);
