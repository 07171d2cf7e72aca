'use client';

import { useId, useState } from 'react';
import { inputClass, labelClass } from './fields';

/**
 * A search box with a list of matches under it, driven from the keyboard: ↑/↓ move, Enter picks,
 * Escape closes. The matches come from the caller (a TanStack Query lookup).
 */
export function SearchCombobox<T>({
  label,
  text,
  onText,
  items,
  itemKey,
  renderItem,
  onPick,
  isLoading,
  error,
  emptyMessage,
  placeholder,
  testId,
  invalid,
  describedBy,
  autoFocus,
}: {
  label: string;
  text: string;
  onText: (text: string) => void;
  items: readonly T[];
  itemKey: (item: T) => string | number;
  renderItem: (item: T) => React.ReactNode;
  onPick: (item: T) => void;
  isLoading: boolean;
  error: string | null;
  emptyMessage: string;
  placeholder?: string;
  testId: string;
  invalid?: boolean;
  describedBy?: string;
  autoFocus?: boolean;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(0);
  const hasText = text.trim().length > 0;
  const showList = isOpen && hasText;
  const activeIndex = Math.min(active, Math.max(items.length - 1, 0));

  const pick = (item: T) => {
    onPick(item);
    setIsOpen(false);
    setActive(0);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setIsOpen(true);
      setActive((i) => (items.length === 0 ? 0 : (Math.min(i, items.length - 1) + 1) % items.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (items.length === 0 ? 0 : (Math.min(i, items.length - 1) - 1 + items.length) % items.length));
    } else if (event.key === 'Enter') {
      // Enter in a search box picks; it never submits the order
      event.preventDefault();
      if (showList && items[activeIndex]) pick(items[activeIndex]);
    } else if (event.key === 'Escape' && showList) {
      event.preventDefault();
      setIsOpen(false);
    }
  };

  return (
    <div className="relative" data-testid={testId}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && items[activeIndex] ? `${id}-opt-${activeIndex}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        value={text}
        placeholder={placeholder}
        autoComplete="off"
        autoFocus={autoFocus}
        className={inputClass}
        onChange={(event) => {
          onText(event.target.value);
          setIsOpen(true);
          setActive(0);
        }}
        onFocus={() => setIsOpen(true)}
        onBlur={() => setIsOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className="absolute z-20 mt-1 max-h-80 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {error ? (
            <li className="px-3 py-2 text-red-600" role="presentation">
              {error}
            </li>
          ) : items.length === 0 ? (
            <li className="px-3 py-2 text-slate-500" role="presentation">
              {isLoading ? '…' : emptyMessage}
            </li>
          ) : (
            items.map((item, index) => (
              <li
                key={itemKey(item)}
                id={`${id}-opt-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                className={`cursor-pointer px-3 py-1.5 ${index === activeIndex ? 'bg-sky-50' : ''}`}
                // mousedown, not click: the input's blur would close the list first
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(item);
                }}
                onMouseEnter={() => setActive(index)}
              >
                {renderItem(item)}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
