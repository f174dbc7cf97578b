import { act, render, screen } from '@testing-library/react';
import { useFixedRowWindow } from './use-fixed-row-window';

function NumberList({ count }: { count: number }) {
  const { setScroller, first, last, totalHeight } = useFixedRowWindow(count, 20, 2);
  const items = [];
  for (let index = first; index < last; index += 1) items.push(<li key={index}>Row {index}</li>);
  return (
    <div ref={setScroller} data-virtual-scroll="" style={{ overflowY: 'auto' }}>
      <ul aria-label="Numbers" style={{ height: totalHeight }}>
        {items}
      </ul>
    </div>
  );
}

describe('the fixed-row window', () => {
  it('renders only the rows that fit the viewport, plus a few', () => {
    render(<NumberList count={200_000} />);
    // 640 px of 20 px rows is 32 rows, and 2 more below.
    expect(screen.getAllByRole('listitem')).toHaveLength(34);
    expect(screen.getByRole('list')).toHaveStyle({ height: '4000000px' });
  });

  it('follows the scroll position', () => {
    const { container } = render(<NumberList count={1000} />);
    const scroller = container.firstElementChild as HTMLElement;
    act(() => {
      scroller.scrollTop = 2000;
      scroller.dispatchEvent(new Event('scroll'));
    });
    const rows = screen.getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('Row 98');
    expect(rows.at(-1)).toHaveTextContent('Row 133');
  });

  it('renders every row of a short list', () => {
    render(<NumberList count={3} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });
});
