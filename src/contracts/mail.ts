import { z } from "./zod";

export const mailStatus = z.enum(["queued", "sent", "failed", "outbox"]);
export const mailItem = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: mailStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type MailItem = z.infer<typeof mailItem>;
export const mailList = z.object({ items: z.array(mailItem), total: z.number().int() });
