// 미발급 in view: the overlay marks each row of the admin page the operator is looking at with a
// badge; counting the 미발급 ones there is the only place this number is known. Runs inside the tab
// (scripting.executeScript), so it must be self-contained.

/** undefined when the page shows no overlay badges (not an order list, or the overlay is not there). */
export function countUnissuedBadges(): number | undefined {
  if (!document.querySelector('.epg-badge')) return undefined;
  return document.querySelectorAll('.epg-badge--unissued').length;
}
