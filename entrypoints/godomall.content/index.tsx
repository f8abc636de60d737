const SANDBOX = import.meta.env.MODE === 'sandbox';

export default defineContentScript({
  matches: [
    '*://*.godomall.com/order/*',
    '*://*.godomall.com/provider/order/*',
    ...(SANDBOX ? ['http://127.0.0.1/*', 'http://localhost/*'] : []),
  ],
  main() {},
});
