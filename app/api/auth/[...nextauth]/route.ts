import NextAuth from "next-auth";
import { authOptions } from "@/app/_server/staff/auth-options";

// next-auth 4's own endpoints (csrf, callback/credentials, session, signout) for staff sign-in.
// The options are built on first use: the secret may come from .data/ at run time, not at build.
type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context): Promise<Response> {
  const run = NextAuth as unknown as (req: Request, ctx: Context, options: unknown) => Promise<Response>;
  return run(request, context, authOptions());
}

export { handler as GET, handler as POST };
