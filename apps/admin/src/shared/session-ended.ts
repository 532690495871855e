// Why the last session ended (the server's message of a 401), shown once on the login page.
let reason: string | null = null;

export function noteSessionEnded(message: string): void {
  reason = message;
}

export function takeSessionEndedReason(): string | null {
  const taken = reason;
  reason = null;
  return taken;
}
