import { availableKvs, kvContract, openTestKv } from '@livehub/testing';

for (const kind of availableKvs()) kvContract(kind, () => openTestKv(kind));
