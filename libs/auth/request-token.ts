/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(headers: { authorization?: string }): string | undefined {
  const header = headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}
