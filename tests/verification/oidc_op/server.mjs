// A real OpenID provider (panva/oidc-provider, certified) for the tests, on 127.0.0.1.
//
// Settings from the environment:
//   OP_PORT           the port to listen on
//   OP_REDIRECT_URIS  the app's callback addresses, separated by commas
//   OP_POSTCODES      JSON: login name -> postal code the provider tells about them
//
// The login page is the provider's own development login (any name and
// password). Besides the normal client "basisbaan" there are three clients
// whose token answers this provider's own middleware spoils on purpose, so the
// tests can see the app refuse them: "basisbaan-wrong-aud" (an ID token for
// another audience, signed with the provider's key), "basisbaan-bad-sig" (the
// signature broken) and "basisbaan-expired" (an ID token that expired ten
// minutes ago, signed with the provider's key).
import Provider from 'oidc-provider';
import * as jose from 'jose';

const port = Number(process.env.OP_PORT);
const issuer = `http://127.0.0.1:${port}`;
const redirectUris = (process.env.OP_REDIRECT_URIS || '').split(',').filter(Boolean);
const postcodes = JSON.parse(process.env.OP_POSTCODES || '{}');

const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await jose.exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

const client = (clientId) => ({
  client_id: clientId,
  client_secret: 'test-secret',
  redirect_uris: redirectUris,
  grant_types: ['authorization_code'],
  response_types: ['code'],
});

const provider = new Provider(issuer, {
  clients: ['basisbaan', 'basisbaan-wrong-aud', 'basisbaan-bad-sig', 'basisbaan-expired'].map(client),
  jwks: { keys: [jwk] },
  pkce: { required: () => true },
  claims: { openid: ['sub'], postcode: ['postal_code'] },
  conformIdTokenClaims: false, // the postal code goes into the ID token itself
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['basisbaan-test-cookie-key'] },
  ttl: { IdToken: 3600, AccessToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return postcodes[id] ? { sub: id, postal_code: postcodes[id] } : { sub: id };
      },
    };
  },
});

async function resign(idToken, change) {
  const claims = { ...jose.decodeJwt(idToken), ...change };
  return new jose.SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).sign(privateKey);
}

provider.use(async (ctx, next) => {
  await next();
  const clientId = ctx.oidc?.client?.clientId;
  if (ctx.path !== '/token' || !ctx.body || !ctx.body.id_token) return;
  const now = Math.floor(Date.now() / 1000);
  if (clientId === 'basisbaan-wrong-aud') {
    ctx.body = { ...ctx.body, id_token: await resign(ctx.body.id_token, { aud: 'someone-else' }) };
  } else if (clientId === 'basisbaan-expired') {
    const expired = { iat: now - 1200, exp: now - 600 };
    ctx.body = { ...ctx.body, id_token: await resign(ctx.body.id_token, expired) };
  } else if (clientId === 'basisbaan-bad-sig') {
    const [head, body, signature] = ctx.body.id_token.split('.');
    const flipped = (signature[10] === 'A' ? 'B' : 'A');
    ctx.body = { ...ctx.body, id_token: [head, body, signature.slice(0, 10) + flipped + signature.slice(11)].join('.') };
  }
});

provider.listen(port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
