//! The README's CI section shows the snapshot recipe verbatim: the code users
//! copy is `tests/snapshot_recipe.rs`, which this repository runs, so the
//! recipe cannot rot.

#[test]
fn readme_snapshot_recipe_is_the_tested_file() {
    let readme = include_str!("../README.md");
    let recipe = include_str!("snapshot_recipe.rs");
    let block = format!("```rust\n{recipe}```\n");
    assert!(
        readme.contains(&block),
        "README's snapshot recipe differs from tests/snapshot_recipe.rs: copy the file into the README"
    );
}
