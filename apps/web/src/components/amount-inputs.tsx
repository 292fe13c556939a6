import { InputNumber, type InputNumberProps } from 'antd';

/** An amount in yuan: two decimals behind a ¥, as wide as its form field. */
export function YuanInput(props: InputNumberProps<number>) {
  return <InputNumber<number> precision={2} prefix="¥" style={{ width: '100%' }} {...props} />;
}

/** A percentage with two decimals, as wide as its form field. */
export function PercentInput(props: InputNumberProps<number>) {
  return <InputNumber<number> precision={2} suffix="%" style={{ width: '100%' }} {...props} />;
}
