/** curl examples for the three ways to authenticate, against the server the page is served from. */
export function apiExamples(origin: string) {
  const api = `${origin}/api`;
  return {
    cookie: [
      `curl -c cookies.txt -X POST ${api}/accounts/login \\`,
      `  -H 'Content-Type: application/json' \\`,
      `  -d '{"email":"<email>","password":"<password>"}'`,
      `curl -b cookies.txt ${api}/pdl`,
      `curl -H 'Authorization: Bearer <access_token>' ${api}/pdl`,
    ].join('\n'),
    clientCredentials: [
      `curl -X POST ${api}/accounts/token \\`,
      `  -d grant_type=client_credentials \\`,
      `  -d client_id=<client_id> \\`,
      `  -d client_secret=<client_secret>`,
      `# {"access_token":"<access_token>","token_type":"bearer","expires_in":<seconds>}`,
      `curl -X POST -u '<client_id>:<client_secret>' -d grant_type=client_credentials ${api}/accounts/token`,
      `curl -H 'Authorization: Bearer <access_token>' ${api}/pdl`,
    ].join('\n'),
    apiKey: `curl -H 'Authorization: Bearer <client_secret>' ${api}/pdl`,
  };
}
