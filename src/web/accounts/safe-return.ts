/** Where to go after sign-in: only a path of this site ("/clsm/…"), never another origin. */
export function safeReturnPath(value: string | null): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/connexion")) return "/";
  return value;
}
