/** 收货地址: a buyer's address book (at most 20, one default), stored encrypted and shown masked. */
import type { AddressInput, CreateOrderInput } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator, PiiVault } from '../ports/runtime.ts';
import { maskName } from '../registry/index.ts';
import type { Actor } from '../shared/actor.ts';
import { maskAddress, maskPhone } from '../shared/masking.ts';
import type { Address } from './order.rules.ts';
import type { AddressRecord } from './order.types.ts';
import { requireUser } from './orders.internal.ts';

export interface AddressBookDeps {
  uow: ScopedUnitOfWork<'orders' | 'audit'>;
  clock: Clock;
  ids: IdGenerator;
  vault: PiiVault;
  audit: AuditService;
}

/** Most addresses a buyer may keep. */
const MAX_ADDRESSES = 20;

export class AddressBookService {
  constructor(private readonly d: AddressBookDeps) {}

  async saveAddress(actor: Actor, input: AddressInput & { isDefault: boolean }) {
    const userId = requireUser(actor);
    const now = this.d.clock.now();
    const v = this.d.vault;
    return this.d.uow.transaction(async (tx) => {
      const existing = await tx.orders.listAddresses(userId);
      if (existing.length >= MAX_ADDRESSES)
        throw new AppError('request.invalid', { field: 'address', details: { issue: `at most ${MAX_ADDRESSES} addresses` } });
      const isDefault = input.isDefault || existing.length === 0;
      if (isDefault) await tx.orders.clearDefaultAddress(userId);
      const a: AddressRecord = {
        id: this.d.ids.next(),
        userId,
        nameEnc: v.encrypt(input.name),
        phoneEnc: v.encrypt(input.phone),
        region: input.region,
        detailEnc: v.encrypt(input.detail),
        isDefault,
        createdAt: now,
      };
      await tx.orders.insertAddress(a);
      await this.d.audit.record(tx, actor, { action: 'address.save', targetType: 'address', targetId: a.id, detail: { region: a.region } });
      return this.addressView(a);
    });
  }

  async listAddresses(actor: Actor) {
    const userId = requireUser(actor);
    return (await this.d.uow.read.orders.listAddresses(userId)).map((a) => this.addressView(a));
  }

  /** The address an order is sent to: given in full, or one of the buyer's own by id. */
  async resolve(userId: string, input: CreateOrderInput): Promise<Address> {
    if (input.address) return input.address;
    const a = input.addressId ? await this.d.uow.read.orders.findAddress(input.addressId) : null;
    if (!a || a.userId !== userId) throw new AppError('orders.address_not_found', { field: 'addressId' });
    const v = this.d.vault;
    return { name: v.decrypt(a.nameEnc), phone: v.decrypt(a.phoneEnc), region: a.region, detail: v.decrypt(a.detailEnc) };
  }

  private addressView(a: AddressRecord) {
    const v = this.d.vault;
    return {
      id: a.id,
      name: maskName(v.decrypt(a.nameEnc)),
      phone: maskPhone(v.decrypt(a.phoneEnc)),
      region: a.region,
      detail: maskAddress(v.decrypt(a.detailEnc)),
      isDefault: a.isDefault,
    };
  }
}
