/* A small first-fit allocator for freestanding guests: blocks carry an 8-byte header
 * holding their size; freed blocks go on a list and are reused by later requests that
 * fit. The heap starts at the linker's __heap_base and grows memory 0 when it runs out. */
#ifndef GUEST_HEAP_H
#define GUEST_HEAP_H

typedef struct block {
    unsigned size;       /* usable bytes after the header */
    struct block *next;  /* next free block while on the free list */
} block;

extern unsigned char __heap_base;
static block *free_list;
static unsigned long heap_top;

static void *heap_alloc(unsigned size) {
    if (size > 0x7FFFFFF0u) {
        return 0; /* more than any wasm32 heap, and size + header would overflow */
    }
    size = size == 0 ? 8 : (size + 7u) & ~7u;
    block **link = &free_list;
    for (block *b = free_list; b; link = &b->next, b = b->next) {
        if (b->size >= size) {
            *link = b->next;
            return b + 1;
        }
    }
    if (heap_top == 0) {
        heap_top = ((unsigned long) &__heap_base + 7u) & ~7ul;
    }
    unsigned long need = size + sizeof(block);
    unsigned long end = __builtin_wasm_memory_size(0) * 65536ul;
    if (end - heap_top < need) {
        unsigned long pages = (need - (end - heap_top) + 65535u) / 65536u;
        if (__builtin_wasm_memory_grow(0, pages) == (unsigned long) -1) {
            return 0;
        }
    }
    block *b = (block *) heap_top;
    b->size = size;
    heap_top += need;
    return b + 1;
}

static void heap_free(void *pointer) {
    if (pointer) {
        block *b = (block *) pointer - 1;
        b->next = free_list;
        free_list = b;
    }
}

#endif
