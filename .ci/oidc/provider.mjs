// A real OpenID Connect provider on loopback, shaped like ProConnect, for the test suite
// (tests/community/members/test_proconnect.py starts it; `.ci/run` installs its npm package).
// ProConnect traits kept: one scope per claim (given_name, usual_name, siret…), `acr_values` eidas1,
// PKCE and nonce, userinfo returned as a signed JWT, client_secret_post, RP-initiated logout.
// The level of assurance a login reaches (the ID token's `acr`) is `config.acr` ("eidas1" when absent),
// or `config.account_acr[login]` for one account (null: the ID token carries no `acr`), so a test can
// have the provider answer below what we asked.
// Usage: node provider.mjs <config.json>; prints "ready <issuer>" once listening.
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const issuer = `http://127.0.0.1:${config.port}`;
const accounts = config.accounts; // login typed in the form -> claims

const provider = new Provider(issuer, {
  clients: [{
    client_id: config.client_id,
    client_secret: config.client_secret,
    redirect_uris: config.redirect_uris,
    post_logout_redirect_uris: config.post_logout_redirect_uris,
    token_endpoint_auth_method: 'client_secret_post',
    userinfo_signed_response_alg: 'RS256',
  }],
  scopes: ['openid', 'email', 'given_name', 'usual_name', 'siret', 'uid'],
  claims: {
    email: ['email'], given_name: ['given_name'], usual_name: ['usual_name'], siret: ['siret'], uid: ['uid'],
  },
  acrValues: ['eidas1', 'eidas2', 'eidas3'],
  pkce: { methods: ['S256'], required: () => true },
  cookies: { keys: ['fabrique-test-only-cookie-key'] },
  features: {
    devInteractions: { enabled: true }, // plain login/consent HTML forms the test fills in
    jwtUserinfo: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
  async findAccount(ctx, id) {
    if (!accounts[id]) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) };
  },
});
// The development login form sets no level of assurance: add the configured one to its result.
const interactionResult = provider.interactionResult.bind(provider);
provider.interactionResult = (req, res, result, options) => {
  if (result.login) {
    const perAccount = config.account_acr || {};
    const acr = result.login.accountId in perAccount ? perAccount[result.login.accountId] : (config.acr ?? 'eidas1');
    if (acr) result.login.acr = acr;
  }
  return interactionResult(req, res, result, options);
};
provider.proxy = false;
const server = provider.listen(config.port, '127.0.0.1', () => console.log(`ready ${issuer}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
