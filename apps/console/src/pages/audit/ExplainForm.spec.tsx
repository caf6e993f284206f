// "Explain this yuan" asks for a payment id or a claim id: neither is refused before anything is asked,
// a malformed id is named, and either one alone is enough.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { errorsAt, renderWithProviders } from '../../testing/formHarness';
import { ExplainForm } from './ExplainForm';

const click = () => act(async () => fireEvent.click(screen.getByRole('button', { name: /溯\s*源/ })));

describe('the explain form', () => {
  it('asks for a payment id or a claim id', async () => {
    const explain = jest.fn();
    renderWithProviders('zh', <ExplainForm onExplain={explain} />);
    await click();
    await waitFor(() => expect(errorsAt('支付编号')).toBe('请填写支付编号或申领编号'));
    expect(errorsAt('申领编号')).toBe('请填写支付编号或申领编号');
    expect(explain).not.toHaveBeenCalled();
  });

  it('names a malformed id', async () => {
    const explain = jest.fn();
    renderWithProviders('zh', <ExplainForm onExplain={explain} />);
    fireEvent.change(screen.getByLabelText('申领编号'), { target: { value: 'a b' } });
    await click();
    await waitFor(() => expect(errorsAt('申领编号')).toBe('编号只含字母、数字和 _ . : @ -'));
    expect(explain).not.toHaveBeenCalled();
  });

  it('takes a claim id alone, with a trainee, trimmed', async () => {
    const explain = jest.fn();
    renderWithProviders('zh', <ExplainForm onExplain={explain} />);
    fireEvent.change(screen.getByLabelText('申领编号'), { target: { value: ' claim-1 ' } });
    fireEvent.change(screen.getByLabelText('学员编号（可不填）'), { target: { value: 'worker-1' } });
    await click();
    await waitFor(() => expect(explain).toHaveBeenCalledTimes(1));
    expect(explain).toHaveBeenCalledWith({ paymentId: undefined, claimId: 'claim-1', workerId: 'worker-1' });
    expect(errorsAt('支付编号')).toBe('');
  });

  it('takes a payment id alone', async () => {
    const explain = jest.fn();
    renderWithProviders('en', <ExplainForm onExplain={explain} />);
    fireEvent.change(screen.getByLabelText('Payment ID'), { target: { value: 'pay-9' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Explain/ })));
    await waitFor(() =>
      expect(explain).toHaveBeenCalledWith({ paymentId: 'pay-9', claimId: undefined, workerId: undefined }),
    );
  });
});
