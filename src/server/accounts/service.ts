import { isAPIError } from "better-auth/api";
import type { inviteUserBody, Me, updateUserBody } from "../../contracts/accounts";
import { email as emailSchema, linkToken } from "../../contracts/common";
import type { z } from "../../contracts/zod";
import type { MailService } from "../mail/service";
import { invitationMail } from "../mail/templates";
import { type Actor, policies } from "../platform/access";
import { type Auth, resetPasswordUrl } from "../platform/auth";
import type { Config } from "../platform/config";
import type { Db } from "../platform/db";
import { AppError, badRequest, conflict, forbidden, notFound, unauthorized } from "../platform/errors";
import { messages } from "../platform/messages";
import * as repo from "./repo";

const INVITATION_TTL_SECONDS = 7 * 24 * 3600;
/** Where a magic link leads once checked, and where a refused one leads (pages of the web app). */
const MAGIC_LINK_CALLBACK = "/";
const MAGIC_LINK_ERROR_CALLBACK = "/connexion?erreur=lien";

/** Failures tolerated before sign-in is slowed down, then the wait doubles with each failure. */
const FREE_FAILURES = 3;
const MAX_WAIT_SECONDS = 15 * 60;
export function signInWaitSeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES), MAX_WAIT_SECONDS);
}

export type AccountsService = ReturnType<typeof createAccountsService>;

export function createAccountsService(deps: { db: Db; auth: Auth; mail: MailService; config: Config }) {
  const { db, auth, mail, config } = deps;

  /** The person behind the session cookie, and the renewed cookie when the library extended the session. */
  async function actorFromHeaders(
    headers: Headers,
  ): Promise<{ actor: Actor | undefined; setCookies: string[] }> {
    const current = await auth.api.getSession({ headers, returnHeaders: true });
    const setCookies = current.headers.getSetCookie();
    if (!current.response) return { actor: undefined, setCookies };
    return { actor: await repo.loadActor(db, current.response.user.id), setCookies };
  }

  async function me(actor: Actor): Promise<Me> {
    return {
      id: actor.userId,
      name: actor.name,
      email: actor.email,
      platformRole: actor.platformRole,
      arsRegionCode: actor.arsRegionCode,
      memberships: (await repo.membershipNames(db, actor.userId)).map((m) => ({
        ...m,
        role: m.role as Me["memberships"][number]["role"],
      })),
      can: {
        createClsm: policies.platform.createClsm(actor),
        manageUsers: policies.platform.manageUsers(actor),
        readOutbox: policies.platform.readOutbox(actor),
        browseClsms: policies.platform.browseClsms(actor),
      },
    };
  }

  /** Signs in with a password; repeated failures for one address make the next attempt wait, doubling each time. */
  async function signIn(email: string, password: string, headers: Headers) {
    const failure = await repo.findSignInFailure(db, email);
    if (failure) {
      const waitMs =
        signInWaitSeconds(failure.failures) * 1000 - (Date.now() - failure.lastFailureAt.getTime());
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        throw new AppError(429, "SIGN_IN_SLOWED", messages.signInSlowedDown(seconds), undefined);
      }
    }
    try {
      const result = await auth.api.signInEmail({ body: { email, password }, headers, returnHeaders: true });
      await repo.clearSignInFailures(db, email);
      const actor = await repo.loadActor(db, result.response.user.id);
      if (!actor) throw unauthorized();
      return { headers: result.headers, me: await me(actor) };
    } catch (err) {
      if (isAPIError(err) && err.statusCode === 401) {
        await repo.recordSignInFailure(db, email);
        throw new AppError(401, "INVALID_CREDENTIALS", messages.invalidCredentials);
      }
      throw err;
    }
  }

  async function signOut(headers: Headers) {
    const result = await auth.api.signOut({ headers, returnHeaders: true });
    return result.headers;
  }

  /** Always answers the same way, so nobody can learn which addresses have an account. */
  async function requestMagicLink(email: string, headers: Headers) {
    // The library would mail any address (refusing only at verification): mail only people we know.
    if (!(await repo.findUserByEmail(db, email))) return;
    try {
      await auth.api.signInMagicLink({
        body: { email, callbackURL: MAGIC_LINK_CALLBACK, errorCallbackURL: MAGIC_LINK_ERROR_CALLBACK },
        headers,
      });
    } catch (err) {
      // Unknown addresses are refused by the library (sign-up is closed); the answer stays the same.
      if (!isAPIError(err)) throw err;
    }
  }

  /**
   * Lets the library check a mailed magic link; its response sets the cookie and redirects to the app.
   * Only the token is taken from the link: the library would redirect to any callback URL it is given
   * (an open redirect), so the destinations are always pages of this platform.
   */
  async function verifyMagicLink(query: URLSearchParams, headers: Headers): Promise<Response> {
    const errorPage = new URL(MAGIC_LINK_ERROR_CALLBACK, config.baseUrl);
    const token = query.get("token") ?? "";
    if (!linkToken.safeParse(token).success) {
      return new Response(null, { status: 302, headers: { location: errorPage.toString() } });
    }
    const url = new URL("/api/auth/magic-link/verify", config.baseUrl);
    url.searchParams.set("token", token);
    url.searchParams.set("callbackURL", MAGIC_LINK_CALLBACK);
    url.searchParams.set("errorCallbackURL", MAGIC_LINK_ERROR_CALLBACK);
    const response = await auth.handler(new Request(url, { method: "GET", headers }));
    if (response.status >= 500) throw new Error(`magic-link verification failed with ${response.status}`);
    return response;
  }

  async function requestPasswordReset(email: string) {
    await auth.api.requestPasswordReset({ body: { email } });
  }

  async function resetPassword(token: string, password: string) {
    try {
      await auth.api.resetPassword({ body: { token, newPassword: password } });
    } catch (err) {
      if (isAPIError(err) && err.statusCode === 400)
        throw badRequest(messages.invalidToken, { token: messages.invalidToken });
      throw err;
    }
  }

  /**
   * Finds a person by e-mail or creates them and mails an invitation to choose a password.
   * Runs inside the caller's transaction: the person, the token and the mail are committed together.
   */
  async function findOrInvite(
    tx: Db,
    input: { email: string; name?: string },
    invitedBy: Actor,
    context: string,
  ): Promise<{ userId: string; invited: boolean }> {
    const existing = await repo.findUserByEmail(tx, input.email);
    if (existing) return { userId: existing.id, invited: false };
    const created = await repo.insertUserIfAbsent(tx, {
      name: input.name || input.email.split("@")[0] || input.email,
      email: input.email,
    });
    if (!created) {
      // Invited at the same moment by someone else: that invitation stands.
      const concurrent = await repo.findUserByEmail(tx, input.email);
      if (!concurrent) throw conflict(messages.concurrentChange);
      return { userId: concurrent.id, invited: false };
    }
    await sendInvitation(tx, created, invitedBy, context);
    return { userId: created.id, invited: true };
  }

  async function sendInvitation(tx: Db, target: repo.UserRow, invitedBy: Actor, context: string) {
    const token = await repo.insertPasswordSetupToken(tx, target.id, INVITATION_TTL_SECONDS);
    const url = resetPasswordUrl(config.baseUrl, token);
    await mail.queue(tx, {
      to: target.email,
      ...invitationMail({ name: target.name, invitedBy: invitedBy.name, context, url }),
    });
  }

  /** Mails a new "choose your password" link to someone whose invitation is still pending. */
  async function resendInvitation(tx: Db, userId: string, invitedBy: Actor, context: string) {
    const target = await repo.findUserById(tx, userId);
    if (!target) throw notFound();
    if (!(await repo.pendingInvitations(tx, [userId])).has(userId))
      throw conflict(messages.invitationAlreadyAccepted);
    await sendInvitation(tx, target, invitedBy, context);
  }

  async function assertRegion(code: string | null) {
    if (code && !(await repo.regionExists(db, code))) {
      throw badRequest(messages.unknownRegion, { arsRegionCode: messages.unknownRegion });
    }
  }

  return {
    actorFromHeaders,
    me,
    signIn,
    signOut,
    requestMagicLink,
    verifyMagicLink,
    requestPasswordReset,
    resetPassword,
    findOrInvite,
    resendInvitation,
    pendingInvitations: (tx: Db, userIds: string[]) => repo.pendingInvitations(tx, userIds),

    async listUsers(actor: Actor, query: { q?: string; limit: number; offset: number }) {
      if (!policies.platform.manageUsers(actor)) throw forbidden();
      const { items, total } = await repo.listUsers(db, query);
      return {
        total,
        items: items.map((u) => ({
          ...u,
          platformRole: u.platformRole as Me["platformRole"],
          createdAt: u.createdAt.toISOString(),
        })),
      };
    },

    /** Operator command (CLI, no actor): creates or promotes a platform admin and returns a password link. */
    async createFirstAdmin(input: { email: string; name: string }): Promise<string> {
      const email = emailSchema.parse(input.email);
      return db.transaction(async (tx) => {
        const existing = await repo.findUserByEmail(tx, email);
        const target =
          existing ?? (await repo.insertUser(tx, { name: input.name, email, platformRole: "admin" }));
        if (existing) await repo.updateUser(tx, existing.id, { platformRole: "admin", arsRegionCode: null });
        const token = await repo.insertPasswordSetupToken(tx, target.id, INVITATION_TTL_SECONDS);
        return resetPasswordUrl(config.baseUrl, token);
      });
    },

    async inviteUser(actor: Actor, input: z.infer<typeof inviteUserBody>) {
      if (!policies.platform.manageUsers(actor)) throw forbidden();
      await assertRegion(input.arsRegionCode);
      return db.transaction(async (tx) => {
        const created = await repo.insertUserIfAbsent(tx, input);
        if (!created) throw conflict(messages.userExists, { email: messages.userExists });
        await sendInvitation(tx, created, actor, "la plateforme");
        return { id: created.id };
      });
    },

    async updateUser(actor: Actor, id: string, input: z.infer<typeof updateUserBody>) {
      if (!policies.platform.manageUsers(actor)) throw forbidden();
      const target = await repo.findUserById(db, id);
      if (!target) throw notFound();
      if (target.id === actor.userId && input.platformRole !== "admin") {
        throw badRequest(messages.cannotDemoteSelf, { platformRole: messages.cannotDemoteSelf });
      }
      await assertRegion(input.arsRegionCode);
      await repo.updateUser(db, id, input);
    },
  };
}
