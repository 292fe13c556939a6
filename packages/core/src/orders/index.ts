export * from './order.types.ts';
export * from './order-state.ts';
export * from './payment.port.ts';
export * from './order.service.ts';
export * from './return.service.ts';
export * from './sold-out-board.ts';
