export default defineBackground(() => {
  // listeners are registered by setup functions (added below as the features land)
});
