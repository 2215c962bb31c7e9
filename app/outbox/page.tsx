import { redirect } from "next/navigation";

// The outbox is staff-only now: it lives in the staff console, behind the staff sign-in.
export default function OutboxMoved(): never {
  redirect("/staff/outbox");
}
