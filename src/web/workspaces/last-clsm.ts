// The last CLSM a person opened, per person, so that the next visit lands on it.
const keyOf = (userId: string) => `maillage.dernierClsm.${userId}`;

export function rememberClsm(userId: string, clsmId: string) {
  try {
    localStorage.setItem(keyOf(userId), clsmId);
  } catch {
    // Private browsing or storage disabled: landing falls back to the first CLSM.
  }
}

export function lastClsm(userId: string): string | null {
  try {
    return localStorage.getItem(keyOf(userId));
  } catch {
    return null;
  }
}

export function forgetClsm(userId: string) {
  try {
    localStorage.removeItem(keyOf(userId));
  } catch {
    // ignore
  }
}
