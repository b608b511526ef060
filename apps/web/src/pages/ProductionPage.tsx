import { EnergyPage } from '../features/metering/EnergyPage.tsx';

export default function ProductionPage() {
  return <EnergyPage direction="production" />;
}
