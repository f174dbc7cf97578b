import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NoHostWarning } from './no-host-warning';

const hostless = { peoplePresent: true, hostPresent: false };
const warning = () => screen.queryByRole('alert', { name: 'No host warning' });

describe('the no-host warning', () => {
  it('warns after two minutes of people without a host, and clears when a host comes', () => {
    const { rerender } = render(<NoHostWarning situation={hostless} active nowMs={0} />);
    rerender(<NoHostWarning situation={hostless} active nowMs={119_000} />);
    expect(warning()).toBeNull();
    rerender(<NoHostWarning situation={hostless} active nowMs={120_000} />);
    expect(warning()).toHaveTextContent('No host: people are here and no host has been for 2 min');
    rerender(
      <NoHostWarning
        situation={{ peoplePresent: true, hostPresent: true }}
        active
        nowMs={121_000}
      />,
    );
    expect(warning()).toBeNull();
    // The host leaving again starts a new count.
    rerender(<NoHostWarning situation={hostless} active nowMs={122_000} />);
    rerender(<NoHostWarning situation={hostless} active nowMs={200_000} />);
    expect(warning()).toBeNull();
  });

  it('can be set to warn after 30 seconds', async () => {
    const { rerender } = render(<NoHostWarning situation={hostless} active nowMs={0} />);
    await userEvent
      .setup()
      .selectOptions(screen.getByLabelText('Warn when there has been no host for'), '30 s');
    rerender(<NoHostWarning situation={hostless} active nowMs={30_000} />);
    expect(warning()).toHaveTextContent('for 30 s or more');
  });

  it('says nothing about a meeting it is not watching live', () => {
    const { rerender } = render(<NoHostWarning situation={hostless} active={false} nowMs={0} />);
    rerender(<NoHostWarning situation={hostless} active={false} nowMs={600_000} />);
    expect(warning()).toBeNull();
  });
});
