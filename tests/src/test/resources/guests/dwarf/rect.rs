// Guest for DwarfDebuggingTest: Rust without std (so the module holds only this file's
// DWARF), built by build.sh with rustc -g -C opt-level=0.
#![no_std]

struct Rect {
    width: u32,
    height: u32,
}

fn area(rect: &Rect, scale: i64) -> i64 {
    let plain = (rect.width * rect.height) as i64;
    let scaled = plain * scale;
    scaled
}

#[no_mangle]
pub extern "C" fn run(width: u32, height: u32) -> i64 {
    let rect = Rect { width, height };
    let total = area(&rect, -2);
    total
}

#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! {
    loop {}
}
