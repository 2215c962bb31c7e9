// Seeds exactly ../shared/DEMO-DATA.md: agencies, qualifications and staff accounts. Idempotent:
// re-running updates the demo rows in place (a demo staff account gets its demo password, role
// and enabled state back) and never touches registrations.
import { hash } from "@node-rs/argon2";
import { createPrismaClient, type PrismaClient } from "./client";
import { DEMO_AGENCIES, DEMO_QUALIFICATIONS, DEMO_STAFF } from "./demo-data";

const DAY = 24 * 60 * 60 * 1000;

export async function seedDemoData(prisma: PrismaClient, now: Date = new Date()): Promise<void> {
  const agencyIds = new Map<string, string>();
  for (const [i, a] of DEMO_AGENCIES.entries()) {
    const row = await prisma.agency.upsert({
      where: { code: a.code },
      create: { code: a.code, name: a.name, goods: a.goods, sortOrder: i },
      update: { name: a.name, goods: a.goods, sortOrder: i },
    });
    agencyIds.set(a.code, row.id);
  }

  for (const q of DEMO_QUALIFICATIONS) {
    const data = {
      officialName: q.officialName,
      passwordHash: await hash(q.password),
      passwordChangedAt: new Date(now.getTime() - q.passwordChangedDaysAgo * DAY),
      status: q.status,
      successorUserId: q.successorUserId ?? null,
      delegated: q.delegated,
      ...q.company,
      previousCompany: q.previousCompany ?? undefined,
    };
    const row = await prisma.qualification.upsert({
      where: { userId_kind: { userId: q.userId, kind: q.kind } },
      create: { userId: q.userId, kind: q.kind, ...data },
      update: data,
    });
    await prisma.qualificationAgency.deleteMany({ where: { qualificationId: row.id } });
    await prisma.qualificationAgency.createMany({
      data: q.agencies.map((code) => ({ qualificationId: row.id, agencyId: agencyIds.get(code)! })),
    });
  }

  for (const s of DEMO_STAFF) {
    // argon2id is the library default
    const data = {
      displayName: s.displayName,
      role: s.role,
      passwordHash: await hash(s.password),
      disabledAt: null,
    };
    await prisma.staffUser.upsert({
      where: { login: s.login },
      create: { login: s.login, ...data },
      update: data,
    });
  }
}

async function main(): Promise<void> {
  const prisma = createPrismaClient();
  try {
    await seedDemoData(prisma);
    console.log(
      `Seeded ${DEMO_AGENCIES.length} agencies, ${DEMO_QUALIFICATIONS.length} qualifications and ${DEMO_STAFF.length} staff accounts (DEMO-DATA.md).`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

// Run when executed (`tsx prisma/seed.ts`, `prisma db seed`), not when imported by tests.
if (process.argv[1] && /seed\.ts$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
