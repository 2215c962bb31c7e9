"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type StaffNavLink = { href: string; label: string };

/** The console's left-hand menu; the current area is marked for screen readers and the eye. */
export function StaffNav({ links }: { links: StaffNavLink[] }) {
  const pathname = usePathname();
  return (
    <nav className="staff-nav" aria-label="職員コンソール">
      <ul>
        {links.map((link) => {
          const current =
            link.href === "/staff"
              ? pathname === "/staff"
              : pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link href={link.href} aria-current={current ? "page" : undefined}>
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
