// Why an InsertOrder never rides a reused connection. Chromium sends a request again by itself, POST
// included, when a keep-alive connection it REUSED fails before any answer (resend.ts); an InsertOrder
// Korea Post committed before the socket died then exists twice. A request on a connection opened for
// it is never re-sent, so every POST to the 계약소포 host (InsertOrder is its only POST) asks for its
// connection to be closed after the answer: `Connection: close`, which fetch may not set (a forbidden
// header) and a declarativeNetRequest rule may. Chromium reads the answer's own `Connection: close` and
// does not pool the socket. The POSTs travel without cookies (transport.ts) and the GETs with the
// default credentials, and Chromium pools connections by credentials mode: a kept-alive connection of a
// GET look never carries an InsertOrder. The cost is one TCP (and TLS) handshake per InsertOrder; the
// looks (GetResInfo, cancel, setup) keep their pooled connections, and a re-sent look or cancel is
// harmless. The trace hosts (biz, openapi) only read.
//
// Limits: a server that keeps the connection open despite the request's header (HTTP/1.1 says it must
// close) would let Chromium pool it again; HTTP/2 has no Connection header; a connection opened for a
// request that was aborted before it connected waits in the pool unused, and Chromium counts it as
// reused. Then resend.ts's watch and the next touch's family look remain (family.ts).

/** The manifest's static ruleset (declarative_net_request.rule_resources) for the 계약소포 origin. */
export function noReuseRules(shipBaseUrl: string) {
  return [
    {
      id: 1,
      priority: 1,
      action: {
        type: 'modifyHeaders',
        requestHeaders: [{ header: 'connection', operation: 'set', value: 'close' }],
      },
      condition: {
        // fetches of the extension's worker are xmlhttprequest; Korea Post's own site, open in a tab,
        // keeps its connections
        requestDomains: [new URL(shipBaseUrl).hostname],
        requestMethods: ['post'],
        resourceTypes: ['xmlhttprequest'],
        excludedInitiatorDomains: ['epost.go.kr'],
      },
    },
  ];
}
