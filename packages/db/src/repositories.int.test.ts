import { availableDrivers, openTestDatabase, repositoryContract } from '@livehub/testing';

for (const driver of availableDrivers()) {
  repositoryContract(driver, async () => {
    const t = await openTestDatabase(driver);
    return { uow: t.database.uow, drop: () => t.drop() };
  });
}
