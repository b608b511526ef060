import { EnergyPage } from '../features/metering/EnergyPage.tsx';

export default function ConsumptionPage() {
  return <EnergyPage direction="consumption" />;
}
